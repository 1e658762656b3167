import type { RuleIssue } from './call-rules';
import { type Catalogue, type Subscription, subscriptionIssues, subscriptionTotals } from './catalogue';
import { type Cents, formatEuro, isCents } from './money';

/** What one local government asks for one catalogue action, with the priority it gave that action. */
export interface AllocationAsk {
  subscriberId: string;
  actionCode: string;
  priority: number;
  askedCents: Cents;
}

export interface AllocationInput {
  budgetCents: Cents;
  /** Ceiling per catalogue action over all subscribers; an action without an entry is limited by the call budget only. */
  actionBudgets?: Readonly<Record<string, Cents>>;
  asks: readonly AllocationAsk[];
  /** Optional readable name per action code for the explanations (the catalogue text); the code is shown otherwise. */
  actionLabels?: Readonly<Record<string, string>>;
}

/** WARNING: persisted with each allocation; do not rename. */
export type AllocationReason =
  'fully-funded' | 'equal-share-in-marginal-round' | 'capped-by-action-budget' | 'budget-exhausted';

/** An exact share: money is never multiplied by a float. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface AllocationGrant extends AllocationAsk {
  /** The ask after the action-budget cap: what the priority rounds work with (equals askedCents when not capped). */
  cappedCents: Cents;
  grantedCents: Cents;
  /** The round is the priority: round 1 funds every priority-1 ask of every subscriber. */
  round: number;
  reason: AllocationReason;
}

/** How one action budget was applied; `shareRatio` is null when the asks fit the action's budget. */
export interface ActionCapOutcome {
  actionCode: string;
  budgetCents: Cents;
  askedCents: Cents;
  cappedCents: Cents;
  shareRatio: Fraction | null;
  /** Action budget left unassigned by rounding each capped ask down to whole euros (0 when not capped). */
  remainderCents: Cents;
}

export interface AllocationRound {
  round: number;
  /** Sum of the capped asks in this round. */
  askedCents: Cents;
  /** Call budget left when the round started. */
  availableCents: Cents;
  grantedCents: Cents;
  outcome: 'fully-funded' | 'marginal' | 'budget-exhausted';
}

export interface SubscriberExplanation {
  subscriberId: string;
  askedCents: Cents;
  grantedCents: Cents;
  summary: { nl: string; en: string };
  /** One line per ask, by priority. */
  lines: Array<{ actionCode: string; priority: number; text: { nl: string; en: string } }>;
}

export interface AllocationResult {
  /** Sorted by round, subscriber, action (code-unit order), whatever the input order. */
  grants: AllocationGrant[];
  rounds: AllocationRound[];
  /** One entry per action budget given, sorted by action code. */
  actionCaps: ActionCapOutcome[];
  totalAskedCents: Cents;
  totalGrantedCents: Cents;
  /** budgetCents - totalGrantedCents: left unassigned, documented rather than spread (it is below 1 euro per ask). */
  remainderCents: Cents;
  /** The round in which the call budget ran out (the asks in it got an equal share), or null when none did. */
  marginalRound: number | null;
  /** Granted / capped ask of every ask in the marginal round, before rounding down to whole euros. */
  shareRatio: Fraction | null;
  explanations: SubscriberExplanation[];
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

const EURO = 100;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function fraction(numerator: number, denominator: number): Fraction {
  const divisor = gcd(numerator, denominator) || 1;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** floor(cents x ratio) to whole euros, exact in BigInt (cents x numerator can exceed 2^53). */
export function shareInWholeEuros(cents: Cents, ratio: Fraction): Cents {
  const euros = (BigInt(cents) * BigInt(ratio.numerator)) / (BigInt(ratio.denominator) * BigInt(EURO));
  return Number(euros) * EURO;
}

/** Checks the allocation input; `allocate` refuses input with any of these issues. */
export function allocationInputIssues(input: AllocationInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!isCents(input.budgetCents)) {
    issues.push(issue('budgetCents', 'INVALID_AMOUNT', 'Bedrag ongeldig.', 'Invalid amount.'));
  }
  for (const [code, cents] of Object.entries(input.actionBudgets ?? {}).sort(([a], [b]) => compareText(a, b))) {
    if (!isCents(cents)) {
      issues.push(issue(`actionBudgets.${code}`, 'INVALID_AMOUNT', 'Bedrag ongeldig.', 'Invalid amount.'));
    }
  }
  const seen = new Set<string>();
  let total = 0;
  input.asks.forEach((ask, index) => {
    const field = `asks.${index}`;
    if (typeof ask.subscriberId !== 'string' || !ask.subscriberId) {
      issues.push(issue(`${field}.subscriberId`, 'REQUIRED', 'Dit veld is verplicht.', 'This field is required.'));
    }
    if (typeof ask.actionCode !== 'string' || !ask.actionCode) {
      issues.push(issue(`${field}.actionCode`, 'REQUIRED', 'Dit veld is verplicht.', 'This field is required.'));
    }
    if (!(Number.isSafeInteger(ask.priority) && ask.priority >= 1)) {
      issues.push(
        issue(
          `${field}.priority`,
          'INVALID_PRIORITY',
          'Een prioriteit is een geheel getal vanaf 1.',
          'A priority is a whole number from 1.',
        ),
      );
    }
    if (!isCents(ask.askedCents)) {
      issues.push(issue(`${field}.askedCents`, 'INVALID_AMOUNT', 'Bedrag ongeldig.', 'Invalid amount.'));
    } else {
      total += ask.askedCents;
    }
    const key = JSON.stringify([ask.subscriberId, ask.actionCode]);
    if (seen.has(key)) {
      issues.push(
        issue(
          field,
          'DUPLICATE_ASK',
          `${ask.subscriberId} vraagt actie ${ask.actionCode} meer dan één keer.`,
          `${ask.subscriberId} asks for action ${ask.actionCode} more than once.`,
        ),
      );
    }
    seen.add(key);
  });
  if (!Number.isSafeInteger(total)) {
    issues.push(
      issue(
        'asks',
        'AMOUNT_TOO_LARGE',
        'Het totaal is te groot om exact mee te rekenen.',
        'The total is too large to compute with exactly.',
      ),
    );
  }
  return issues;
}

/**
 * Shares a call budget over catalogue subscriptions that together ask more than it holds.
 *
 * 1. Action caps. For every action with an entry in `actionBudgets`: when the asks for that action (all subscribers,
 *    all priorities) total more than its budget, each ask is capped to floor_to_whole_euro(asked x budget / total);
 *    otherwise the capped ask is the ask. The caps are computed before, and independently of, the priority rounds.
 * 2. Priority rounds on the capped asks. Round p holds every ask with priority p, lowest p first. A round whose
 *    capped asks fit the remaining call budget is funded in full. The first round that does not fit (the marginal
 *    round, only while money remains) shares what remains: every ask in it gets floor_to_whole_euro(capped x
 *    remaining / round total), the same ratio for all. Later rounds, and every round after the budget reached exactly
 *    0, get nothing.
 *
 * Nothing is redistributed: the rounding remainders are reported (call: `remainderCents`, per action:
 * `actionCaps[].remainderCents`). Fully funded asks are not rounded. The output does not depend on the input order.
 * Throws a RangeError when `allocationInputIssues` reports anything (validated subscriptions never do).
 */
export function allocate(input: AllocationInput): AllocationResult {
  const inputIssues = allocationInputIssues(input);
  if (inputIssues.length > 0) {
    throw new RangeError(`Invalid allocation input: ${inputIssues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  }
  const asks = [...input.asks].sort(
    (a, b) =>
      a.priority - b.priority || compareText(a.subscriberId, b.subscriberId) || compareText(a.actionCode, b.actionCode),
  );

  const actionCaps = Object.entries(input.actionBudgets ?? {})
    .sort(([a], [b]) => compareText(a, b))
    .map(([actionCode, budgetCents]): ActionCapOutcome => {
      const askedCents = asks
        .filter((ask) => ask.actionCode === actionCode)
        .reduce((sum, ask) => sum + ask.askedCents, 0);
      const shareRatio = askedCents > budgetCents ? fraction(budgetCents, askedCents) : null;
      const cappedCents = asks
        .filter((ask) => ask.actionCode === actionCode)
        .reduce((sum, ask) => sum + (shareRatio ? shareInWholeEuros(ask.askedCents, shareRatio) : ask.askedCents), 0);
      return {
        actionCode,
        budgetCents,
        askedCents,
        cappedCents,
        shareRatio,
        remainderCents: shareRatio ? budgetCents - cappedCents : 0,
      };
    });
  const capByAction = new Map(actionCaps.map((cap) => [cap.actionCode, cap]));
  const capped = asks.map((ask) => {
    const ratio = capByAction.get(ask.actionCode)?.shareRatio;
    return ratio ? shareInWholeEuros(ask.askedCents, ratio) : ask.askedCents;
  });

  const grants: AllocationGrant[] = [];
  const rounds: AllocationRound[] = [];
  let available = input.budgetCents;
  let exhausted = false;
  let marginalRound: number | null = null;
  let shareRatio: Fraction | null = null;
  for (let start = 0; start < asks.length;) {
    const round = asks[start].priority;
    let end = start;
    while (end < asks.length && asks[end].priority === round) end += 1;
    const roundAsked = capped.slice(start, end).reduce((sum, cents) => sum + cents, 0);
    let outcome: AllocationRound['outcome'];
    let ratio: Fraction | null = null;
    if (exhausted || (available === 0 && roundAsked > 0)) {
      outcome = 'budget-exhausted';
      exhausted = true;
    } else if (roundAsked <= available) {
      outcome = 'fully-funded';
    } else {
      outcome = 'marginal';
      ratio = fraction(available, roundAsked);
      marginalRound = round;
      shareRatio = ratio;
      exhausted = true;
    }
    let roundGranted = 0;
    for (let i = start; i < end; i += 1) {
      const ask = asks[i];
      let grantedCents = 0;
      let reason: AllocationReason = 'budget-exhausted';
      if (outcome === 'fully-funded') {
        grantedCents = capped[i];
        reason = capped[i] < ask.askedCents ? 'capped-by-action-budget' : 'fully-funded';
      } else if (ratio) {
        grantedCents = shareInWholeEuros(capped[i], ratio);
        reason = 'equal-share-in-marginal-round';
      }
      roundGranted += grantedCents;
      grants.push({ ...pickAsk(ask), cappedCents: capped[i], grantedCents, round, reason });
    }
    rounds.push({ round, askedCents: roundAsked, availableCents: available, grantedCents: roundGranted, outcome });
    available -= roundGranted;
    start = end;
  }

  const totalGrantedCents = grants.reduce((sum, grant) => sum + grant.grantedCents, 0);
  return {
    grants,
    rounds,
    actionCaps,
    totalAskedCents: asks.reduce((sum, ask) => sum + ask.askedCents, 0),
    totalGrantedCents,
    remainderCents: input.budgetCents - totalGrantedCents,
    marginalRound,
    shareRatio,
    explanations: explain(grants, rounds, capByAction, input.actionLabels ?? {}),
  };
}

/** Copies only the ask's own fields, so extra properties on the input never leak into a persisted result. */
function pickAsk(ask: AllocationAsk): AllocationAsk {
  return {
    subscriberId: ask.subscriberId,
    actionCode: ask.actionCode,
    priority: ask.priority,
    askedCents: ask.askedCents,
  };
}

function ratioText(ratio: Fraction, locale: 'nl' | 'en'): string {
  const permille = Number((BigInt(ratio.numerator) * 1000n) / BigInt(ratio.denominator));
  const percent = `${Math.floor(permille / 10)}${locale === 'nl' ? ',' : '.'}${permille % 10}`;
  return `${ratio.numerator}/${ratio.denominator}, ${locale === 'nl' ? `${percent} %` : `${percent}%`}`;
}

function explain(
  grants: readonly AllocationGrant[],
  rounds: readonly AllocationRound[],
  caps: ReadonlyMap<string, ActionCapOutcome>,
  labels: Readonly<Record<string, string>>,
): SubscriberExplanation[] {
  const subscribers = [...new Set(grants.map((grant) => grant.subscriberId))].sort(compareText);
  const roundOf = new Map(rounds.map((round) => [round.round, round]));
  const eur = (cents: Cents, locale: 'nl' | 'en') => formatEuro(cents, locale);
  return subscribers.map((subscriberId): SubscriberExplanation => {
    const own = grants
      .filter((grant) => grant.subscriberId === subscriberId)
      .sort((a, b) => a.priority - b.priority || compareText(a.actionCode, b.actionCode));
    const askedCents = own.reduce((sum, grant) => sum + grant.askedCents, 0);
    const grantedCents = own.reduce((sum, grant) => sum + grant.grantedCents, 0);
    const lines = own.map((grant) => {
      const label = Object.hasOwn(labels, grant.actionCode)
        ? `${grant.actionCode} (${labels[grant.actionCode]})`
        : grant.actionCode;
      const cap = caps.get(grant.actionCode);
      const capRatio = cap?.shareRatio;
      const capNl = capRatio
        ? ` De aanvragen van alle besturen voor deze actie (samen ${eur(cap.askedCents, 'nl')}) overschreden het budget van de actie (${eur(cap.budgetCents, 'nl')}); elke aanvraag werd herleid tot hetzelfde aandeel (${ratioText(capRatio, 'nl')}), naar beneden afgerond op hele euro: ${eur(grant.cappedCents, 'nl')}.`
        : '';
      const capEn = capRatio
        ? ` The asks of all local governments for this action (together ${eur(cap.askedCents, 'en')}) exceeded the action's budget (${eur(cap.budgetCents, 'en')}); every ask was reduced to the same share (${ratioText(capRatio, 'en')}), rounded down to whole euros: ${eur(grant.cappedCents, 'en')}.`
        : '';
      const round = roundOf.get(grant.round);
      let whyNl: string;
      let whyEn: string;
      if (grant.reason === 'fully-funded' || grant.reason === 'capped-by-action-budget') {
        whyNl = `${capNl} Het budget volstond voor alle aanvragen met prioriteit ${grant.round}.`;
        whyEn = `${capEn} The budget covered every ask with priority ${grant.round}.`;
      } else if (grant.reason === 'equal-share-in-marginal-round' && round) {
        const ratio = fraction(round.availableCents, round.askedCents);
        whyNl = `${capNl} Het resterende budget (${eur(round.availableCents, 'nl')}) volstond niet voor alle aanvragen met prioriteit ${grant.round} (samen ${eur(round.askedCents, 'nl')}); elke aanvraag in die ronde kreeg hetzelfde aandeel (${ratioText(ratio, 'nl')}), naar beneden afgerond op hele euro.`;
        whyEn = `${capEn} The remaining budget (${eur(round.availableCents, 'en')}) did not cover every ask with priority ${grant.round} (together ${eur(round.askedCents, 'en')}); every ask in that round got the same share (${ratioText(ratio, 'en')}), rounded down to whole euros.`;
      } else {
        whyNl = ` Het budget was op voor ronde ${grant.round}: eerst worden de aanvragen met een hogere prioriteit (een lager nummer) van alle besturen gefinancierd.`;
        whyEn = ` The budget ran out before round ${grant.round}: the asks with a higher priority (a lower number) of all local governments are funded first.`;
      }
      return {
        actionCode: grant.actionCode,
        priority: grant.priority,
        text: {
          nl: `Prioriteit ${grant.priority}, actie ${label}: gevraagd ${eur(grant.askedCents, 'nl')}, toegekend ${eur(grant.grantedCents, 'nl')}.${whyNl}`,
          en: `Priority ${grant.priority}, action ${label}: asked ${eur(grant.askedCents, 'en')}, granted ${eur(grant.grantedCents, 'en')}.${whyEn}`,
        },
      };
    });
    const count = own.length;
    return {
      subscriberId,
      askedCents,
      grantedCents,
      summary: {
        nl: `Gevraagd: ${eur(askedCents, 'nl')} voor ${count} ${count === 1 ? 'actie' : 'acties'}. Toegekend: ${eur(grantedCents, 'nl')}.`,
        en: `Asked: ${eur(askedCents, 'en')} for ${count} ${count === 1 ? 'action' : 'actions'}. Granted: ${eur(grantedCents, 'en')}.`,
      },
      lines,
    };
  });
}

/** The action budgets defined in a catalogue, ready for `AllocationInput.actionBudgets`. */
export function actionBudgetsFromCatalogue(catalogue: Catalogue): Record<string, Cents> {
  const budgets: Record<string, Cents> = {};
  for (const objective of catalogue.objectives) {
    for (const action of objective.actions) {
      if (action.budgetCents !== undefined) budgets[action.code] = action.budgetCents;
    }
  }
  return budgets;
}

/**
 * The asks of one valid subscription: one per chosen action, its Flemish contribution with its priority.
 * Throws a RangeError for a subscription with issues: only a subscription that passed `subscriptionIssues` is allocated.
 */
export function subscriptionAsks(
  subscriberId: string,
  catalogue: Catalogue,
  subscription: Subscription,
): AllocationAsk[] {
  const issues = subscriptionIssues(catalogue, subscription);
  if (issues.length > 0) {
    throw new RangeError(
      `Invalid subscription ${subscriberId}: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`,
    );
  }
  return subscriptionTotals(catalogue, subscription)
    .actions.filter((action) => action.chosen)
    .map((action) => ({
      subscriberId,
      actionCode: action.actionCode,
      priority: subscription.priorities[action.actionCode],
      askedCents: action.contributionCents,
    }))
    .sort((a, b) => a.priority - b.priority);
}
