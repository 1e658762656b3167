import type { RuleIssue } from './call-rules';
import { type Cents, isCents } from './money';

/**
 * Selection proposal: walks the ranking and funds dossiers within the call budget (or within their envelope's
 * budget), so the admin starts from a proposal that follows the published rules and only deviates with a motivated
 * override.
 */

/** What to do when the next sufficient dossier does not fit the remaining budget. */
export type MarginRule = 'skip' | 'partial';
export const MARGIN_RULES: readonly MarginRule[] = ['skip', 'partial'];

export type SelectionOutcome = 'selected' | 'reserve' | 'rejected';

/** Stable codes: stored with the decision and translated by the web app. Never rename; add new ones. */
export type SelectionReason =
  | 'within-budget'
  | 'partial-at-margin'
  | 'does-not-fit'
  | 'insufficient'
  | 'incomplete'
  | 'override-select'
  | 'override-exclude'
  | 'budget-exhausted';

/** A ranked dossier (see `rankDossiers`) with what selection needs on top. */
export interface SelectionDossier {
  dossierId: string;
  /** 1-based and unique, as produced by `rankDossiers`; the walk follows it. */
  rank: number;
  complete: boolean;
  sufficient: boolean;
  requestedCents: Cents;
  /** The admin's adjusted amount: positive and never above the requested amount. Granted instead of requested. */
  adjustedCents?: Cents | null;
  /** Required (and must be a known code) when the call has envelopes; ignored otherwise. */
  envelope?: string | null;
}

/** A share of the budget reserved for a group of dossiers (e.g. per region or per target group). */
export interface SelectionEnvelope {
  code: string;
  budgetCents: Cents;
}

/** The admin's deviation from the proposal; always motivated, since it is a decision on public money. */
export interface SelectionOverride {
  dossierId: string;
  decision: 'select' | 'exclude';
  motivation: string;
}

export interface SelectionInput {
  dossiers: readonly SelectionDossier[];
  budgetCents: Cents;
  marginRule: MarginRule;
  /** When given (and not empty), each envelope is a separate budget; together at most `budgetCents`. */
  envelopes?: readonly SelectionEnvelope[];
  /** How many not-selected sufficient dossiers go to the reserve list, per envelope (or for the call); default all. */
  reserveSize?: number;
  overrides?: readonly SelectionOverride[];
}

export interface SelectionLine {
  dossierId: string;
  rank: number;
  /** The dossier's envelope, or null when the call has no envelopes. */
  envelope: string | null;
  outcome: SelectionOutcome;
  grantedCents: Cents;
  reason: SelectionReason;
  /** 1-based position on the reserve list of the dossier's envelope (or of the call), null when not in reserve. */
  reservePosition: number | null;
}

export interface EnvelopeTotals {
  code: string;
  budgetCents: Cents;
  grantedCents: Cents;
  remainingCents: Cents;
}

export interface SelectionProposal {
  /** One line per dossier, in rank order. */
  lines: SelectionLine[];
  budgetCents: Cents;
  grantedCents: Cents;
  remainingCents: Cents;
  /** Per envelope, in the order given; empty when the call has no envelopes. */
  envelopes: EnvelopeTotals[];
}

/** Thrown by `selectionProposal` on input it cannot decide on; `issues` is the same list as `selectionIssues`. */
export class SelectionInputError extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super(`Cannot propose a selection: ${issues.map((issue) => `${issue.field}:${issue.code}`).join(', ')}`);
    this.name = 'SelectionInputError';
  }
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

interface Prepared {
  issues: RuleIssue[];
  /** Dossier indices in rank order. */
  order: number[];
  /** Budget pot per dossier index: the envelope index, or 0 for the single call budget. */
  potOf: Int32Array;
  pots: Array<{ code: string | null; budgetCents: Cents }>;
  withEnvelopes: boolean;
  /** Override per dossier index: the walk looks them up by index, not by id (100,000 string lookups cost more). */
  overrideAt: Map<number, SelectionOverride>;
  /** Per pot: what the 'select' overrides take from it before the walk. */
  selectedByOverride: number[];
}

/** The amount that would be granted in full: the adjusted amount when there is one. */
function amountOf(dossier: SelectionDossier): Cents {
  return dossier.adjustedCents ?? dossier.requestedCents;
}

function prepare(input: SelectionInput): Prepared {
  const issues: RuleIssue[] = [];
  const { dossiers } = input;
  const count = dossiers.length;
  if (!isCents(input.budgetCents)) {
    issues.push(
      issue(
        'budgetCents',
        'amountInvalid',
        'Het budget moet een bedrag in cent zijn, niet negatief.',
        'The budget must be a non-negative amount in cents.',
      ),
    );
  }
  if (!MARGIN_RULES.includes(input.marginRule)) {
    issues.push(
      issue('marginRule', 'unknownRule', 'Onbekende regel voor de marge.', 'Unknown rule for the budget margin.'),
    );
  }
  if (input.reserveSize !== undefined && !(Number.isSafeInteger(input.reserveSize) && input.reserveSize >= 0)) {
    issues.push(
      issue(
        'reserveSize',
        'notACount',
        'De grootte van de reservelijst moet een geheel getal zijn.',
        'The reserve size must be a whole number.',
      ),
    );
  }

  const withEnvelopes = (input.envelopes?.length ?? 0) > 0;
  const pots: Prepared['pots'] = withEnvelopes
    ? (input.envelopes ?? []).map((envelope) => ({ code: envelope.code, budgetCents: envelope.budgetCents }))
    : [{ code: null, budgetCents: input.budgetCents }];
  const potIndex = new Map<string, number>();
  if (withEnvelopes) {
    let envelopeSum = 0;
    pots.forEach((pot, index) => {
      const code = pot.code ?? '';
      if (code.trim() === '' || potIndex.has(code)) {
        issues.push(
          issue(
            `envelopes.${index}.code`,
            'duplicateCode',
            `Enveloppecode "${code}" is leeg of komt twee keer voor.`,
            `Envelope code "${code}" is empty or appears twice.`,
          ),
        );
      }
      potIndex.set(code, index);
      if (!isCents(pot.budgetCents)) {
        issues.push(
          issue(
            `envelopes.${index}.budgetCents`,
            'amountInvalid',
            'Het budget van een enveloppe moet een bedrag in cent zijn, niet negatief.',
            'An envelope budget must be a non-negative amount in cents.',
          ),
        );
      } else {
        envelopeSum += pot.budgetCents;
      }
    });
    if (isCents(input.budgetCents) && envelopeSum > input.budgetCents) {
      issues.push(
        issue(
          'envelopes',
          'envelopesAboveBudget',
          'De enveloppen samen zijn groter dan het budget van de oproep.',
          'The envelopes together exceed the call budget.',
        ),
      );
    }
  }

  const potOf = new Int32Array(count);
  const byId = new Map<string, number>();
  const ranks = new Set<number>();
  let sorted = true;
  for (let i = 0; i < count; i++) {
    const dossier = dossiers[i];
    const field = `dossiers.${i}`;
    if (byId.has(dossier.dossierId)) {
      issues.push(
        issue(
          `${field}.dossierId`,
          'duplicateDossier',
          `Dossier ${dossier.dossierId} komt twee keer voor.`,
          `Dossier ${dossier.dossierId} appears twice.`,
        ),
      );
    }
    byId.set(dossier.dossierId, i);
    // Ranks that strictly increase are unique; only an unsorted input needs the set.
    const increasing = i === 0 || dossiers[i - 1].rank < dossier.rank;
    if (!increasing) sorted = false;
    if (!sorted && ranks.size === 0) for (let k = 0; k < i; k++) ranks.add(dossiers[k].rank);
    if (!Number.isSafeInteger(dossier.rank) || dossier.rank < 1 || (!sorted && ranks.has(dossier.rank))) {
      issues.push(
        issue(
          `${field}.rank`,
          'rankInvalid',
          `Dossier ${dossier.dossierId} heeft geen unieke rang.`,
          `Dossier ${dossier.dossierId} has no unique rank.`,
        ),
      );
    }
    if (!sorted) ranks.add(dossier.rank);
    if (!isCents(dossier.requestedCents) || dossier.requestedCents === 0) {
      issues.push(
        issue(
          `${field}.requestedCents`,
          'amountInvalid',
          'Het gevraagde bedrag moet een positief bedrag in cent zijn.',
          'The requested amount must be a positive amount in cents.',
        ),
      );
    }
    const adjusted = dossier.adjustedCents;
    if (adjusted !== undefined && adjusted !== null) {
      if (!isCents(adjusted) || adjusted === 0) {
        issues.push(
          issue(
            `${field}.adjustedCents`,
            'amountInvalid',
            'Het aangepaste bedrag moet positief zijn; sluit het dossier anders uit met een motivering.',
            'The adjusted amount must be positive; otherwise exclude the dossier with a motivation.',
          ),
        );
      } else if (adjusted > dossier.requestedCents) {
        issues.push(
          issue(
            `${field}.adjustedCents`,
            'adjustedAboveRequested',
            'Het aangepaste bedrag is hoger dan het gevraagde bedrag.',
            'The adjusted amount is above the requested amount.',
          ),
        );
      }
    }
    if (withEnvelopes) {
      const pot = typeof dossier.envelope === 'string' ? potIndex.get(dossier.envelope) : undefined;
      if (pot === undefined) {
        issues.push(
          issue(
            `${field}.envelope`,
            dossier.envelope ? 'unknownEnvelope' : 'envelopeRequired',
            `Dossier ${dossier.dossierId} hoort niet bij een enveloppe van de oproep.`,
            `Dossier ${dossier.dossierId} does not belong to an envelope of the call.`,
          ),
        );
      } else {
        potOf[i] = pot;
      }
    }
  }

  const overrides = new Map<string, SelectionOverride>();
  const overrideAt = new Map<number, SelectionOverride>();
  const selectedByOverride = new Array<number>(pots.length).fill(0);
  (input.overrides ?? []).forEach((override, index) => {
    const field = `overrides.${index}`;
    const i = byId.get(override.dossierId);
    if (i === undefined) {
      issues.push(
        issue(
          `${field}.dossierId`,
          'unknownDossier',
          `Dossier ${override.dossierId} staat niet in de rangschikking.`,
          `Dossier ${override.dossierId} is not in the ranking.`,
        ),
      );
      return;
    }
    if (overrides.has(override.dossierId)) {
      issues.push(
        issue(
          `${field}.dossierId`,
          'duplicateOverride',
          `Dossier ${override.dossierId} heeft meer dan één afwijking.`,
          `Dossier ${override.dossierId} has more than one override.`,
        ),
      );
      return;
    }
    overrides.set(override.dossierId, override);
    overrideAt.set(i, override);
    if (typeof override.motivation !== 'string' || override.motivation.trim() === '') {
      issues.push(
        issue(
          `${field}.motivation`,
          'motivationRequired',
          'Een afwijking van het voorstel moet gemotiveerd worden.',
          'An override of the proposal needs a motivation.',
        ),
      );
    }
    if (override.decision === 'select') {
      const dossier = dossiers[i];
      if (!dossier.complete || !dossier.sufficient) {
        issues.push(
          issue(
            `${field}.decision`,
            'notFundable',
            `Dossier ${override.dossierId} is onvolledig of onvoldoende en kan niet geselecteerd worden.`,
            `Dossier ${override.dossierId} is incomplete or insufficient and cannot be selected.`,
          ),
        );
      }
      selectedByOverride[potOf[i]] += amountOf(dossier);
    } else if (override.decision !== 'exclude') {
      issues.push(
        issue(
          `${field}.decision`,
          'unknownDecision',
          'Een afwijking is een selectie of een uitsluiting.',
          'An override either selects or excludes.',
        ),
      );
    }
  });
  pots.forEach((pot, index) => {
    if (isCents(pot.budgetCents) && selectedByOverride[index] > pot.budgetCents) {
      issues.push(
        issue(
          pot.code === null ? 'overrides' : `envelopes.${index}`,
          'overrideAboveBudget',
          pot.code === null
            ? 'De geselecteerde dossiers kosten samen meer dan het budget.'
            : `De geselecteerde dossiers kosten samen meer dan het budget van enveloppe ${pot.code}.`,
          pot.code === null
            ? 'The selected dossiers together cost more than the budget.'
            : `The selected dossiers together cost more than the budget of envelope ${pot.code}.`,
        ),
      );
    }
  });

  const order = new Array<number>(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => dossiers[a].rank - dossiers[b].rank);
  return { issues, order, potOf, pots, withEnvelopes, overrideAt, selectedByOverride };
}

/**
 * Everything that prevents a proposal: invalid amounts, an adjusted amount above the requested one, dossiers without
 * a (known) envelope when the call has envelopes, envelopes above the call budget, overrides without motivation,
 * on unknown, incomplete or insufficient dossiers, or selecting more than the budget.
 */
export function selectionIssues(input: SelectionInput): RuleIssue[] {
  return prepare(input).issues;
}

/**
 * The selection proposal. Overridden selections take their amount from the budget first; then the ranking is walked
 * in rank order: a sufficient dossier is selected when its (adjusted) amount fits the remaining budget of its
 * envelope. When it does not fit, `skip` passes it and keeps walking (a smaller, lower-ranked dossier may still fit);
 * `partial` grants it the remaining budget and closes that envelope. Sufficient dossiers that are not selected fill the
 * reserve list in rank order. Throws `SelectionInputError` when `selectionIssues` is not empty.
 */
export function selectionProposal(input: SelectionInput): SelectionProposal {
  const { issues, order, potOf, pots, withEnvelopes, overrideAt, selectedByOverride } = prepare(input);
  if (issues.length > 0) throw new SelectionInputError(issues);
  const { dossiers } = input;
  const reserveSize = input.reserveSize ?? Number.POSITIVE_INFINITY;
  const remaining = pots.map((pot, index) => pot.budgetCents - selectedByOverride[index]);
  const reserved = pots.map(() => 0);

  const lines = new Array<SelectionLine>(order.length);
  for (let position = 0; position < order.length; position++) {
    const i = order[position];
    const dossier = dossiers[i];
    const pot = potOf[i];
    const amount = amountOf(dossier);
    const override = overrideAt.size > 0 ? overrideAt.get(i) : undefined;
    let outcome: SelectionOutcome = 'rejected';
    let grantedCents = 0;
    let reason: SelectionReason;
    let reservePosition: number | null = null;
    if (override?.decision === 'exclude') reason = 'override-exclude';
    else if (override?.decision === 'select') {
      outcome = 'selected';
      grantedCents = amount;
      reason = 'override-select';
    } else if (!dossier.complete) reason = 'incomplete';
    else if (!dossier.sufficient) reason = 'insufficient';
    else {
      // After a partial grant the remaining budget is 0, so the envelope is closed for the rest of the walk.
      if (remaining[pot] === 0) reason = 'budget-exhausted';
      else if (amount <= remaining[pot]) {
        outcome = 'selected';
        grantedCents = amount;
        reason = 'within-budget';
      } else if (input.marginRule === 'partial') {
        outcome = 'selected';
        grantedCents = remaining[pot];
        reason = 'partial-at-margin';
      } else reason = 'does-not-fit';
      remaining[pot] -= grantedCents;
      if (outcome !== 'selected' && reserved[pot] < reserveSize) {
        outcome = 'reserve';
        reservePosition = ++reserved[pot];
      }
    }
    lines[position] = {
      dossierId: dossier.dossierId,
      rank: dossier.rank,
      envelope: pots[pot].code,
      outcome,
      grantedCents,
      reason,
      reservePosition,
    };
  }

  const budgetCents = input.budgetCents;
  const envelopeTotals = !withEnvelopes
    ? []
    : pots.map((pot, index) => ({
        code: pot.code ?? '',
        budgetCents: pot.budgetCents,
        grantedCents: pot.budgetCents - remaining[index],
        remainingCents: remaining[index],
      }));
  let grantedCents = 0;
  for (const line of lines) grantedCents += line.grantedCents;
  return { lines, budgetCents, grantedCents, remainingCents: budgetCents - grantedCents, envelopes: envelopeTotals };
}
