import type { RuleIssue } from './call-rules';
import { humanTextIssue } from './human-text';
import { type Cents, formatEuro, isCents } from './money';

/**
 * A catalogue call (Plan Samenleven): the administration offers objectives -> actions -> rows; a local government
 * subscribes (intekenen) by planning extra reach on rows and numbering its chosen actions 1..n.
 *
 * WARNING: row and action codes are persisted (subscription lines, priorities, allocations). Generated codes follow
 * the position in the catalogue (`O3.A2.R1`), so a published catalogue must not be reordered; give explicit `code`s
 * in the JSON to freeze them.
 */
export interface CatalogueRow {
  code: string;
  /** What is counted (persons guided, action plans, ...). */
  unit: string;
  /** The most extra units one local government may plan on this row. */
  maxUnits: number;
  /** Flemish contribution per planned unit. */
  centsPerUnit: Cents;
}

export interface CatalogueAction {
  code: string;
  text: string;
  /** One row per target group; the action's contribution is the sum of its rows. */
  rows: CatalogueRow[];
  /** What all local governments together may receive for this action; absent: only the call budget limits it. */
  budgetCents?: Cents;
}

export interface CatalogueObjective {
  code: string;
  name: string;
  actions: CatalogueAction[];
}

export interface Catalogue {
  objectives: CatalogueObjective[];
}

export type CatalogueParseResult = { ok: true; catalogue: Catalogue } | { ok: false; issues: RuleIssue[] };

/** One row of a subscription: the reach today and the extra reach planned with the Flemish contribution. */
export interface SubscriptionLine {
  rowCode: string;
  currentReach: number;
  plannedExtraReach: number;
}

/** One subscription per local government per catalogue call. */
export interface Subscription {
  lines: readonly SubscriptionLine[];
  /** Action code -> priority; the chosen actions are numbered 1..n, 1 is funded first when the budget falls short. */
  priorities: Readonly<Record<string, number>>;
  /** What the local government invests itself; at least the Flemish contribution (co-financing 1:1). */
  ownContributionCents: Cents;
}

export interface SubscriptionTotals {
  /** Same order as the subscription's lines; `counted` is false (and the contribution 0) for a line with an issue. */
  lines: Array<{ rowCode: string; actionCode: string | null; contributionCents: Cents; counted: boolean }>;
  /** Actions that have at least one line, in catalogue order; `chosen`: some line plans extra reach. */
  actions: Array<{ actionCode: string; contributionCents: Cents; chosen: boolean }>;
  /** The Flemish contribution asked, and therefore also the minimum own contribution. */
  totalCents: Cents;
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Reads the JSON without trusting it: every problem becomes an issue with the path of the offending field. */
class CatalogueReader {
  readonly issues: RuleIssue[] = [];
  private readonly firstUse = new Map<string, string>();

  text(value: unknown, field: string): string {
    if (typeof value === 'string' && value.trim()) {
      // The shared human-text rule (ADR 0010): catalogue texts are shown in forms, reports and spreadsheets.
      const problem = humanTextIssue(field, value, { multiline: true, max: 5000 });
      if (problem) this.issues.push(problem);
      return value.trim();
    }
    this.issues.push(issue(field, 'REQUIRED', 'Dit veld is verplicht.', 'This field is required.'));
    return '';
  }

  list(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) {
      this.issues.push(issue(field, 'NOT_A_LIST', 'Hier wordt een lijst verwacht.', 'A list is expected here.'));
      return [];
    }
    if (value.length === 0) {
      this.issues.push(issue(field, 'EMPTY_LIST', 'De lijst mag niet leeg zijn.', 'The list may not be empty.'));
    }
    return value;
  }

  record(value: unknown, field: string): Record<string, unknown> {
    if (isRecord(value)) return value;
    this.issues.push(issue(field, 'NOT_AN_OBJECT', 'Hier wordt een object verwacht.', 'An object is expected here.'));
    return {};
  }

  positiveInteger(value: unknown, field: string): number {
    if (isPositiveInteger(value)) return value;
    this.issues.push(
      issue(field, 'NOT_POSITIVE_INTEGER', 'Geef een positief geheel getal.', 'Enter a positive whole number.'),
    );
    return 0;
  }

  /** An explicit code wins over the generated one; every code is unique over the whole catalogue. */
  code(source: Record<string, unknown>, path: string, generated: string): string {
    let code = generated;
    if (source.code !== undefined) {
      if (typeof source.code === 'string' && CODE_PATTERN.test(source.code)) {
        code = source.code;
      } else {
        this.issues.push(
          issue(
            `${path}.code`,
            'INVALID_CODE',
            'Een code bestaat uit letters, cijfers, punten, koppeltekens en liggende streepjes.',
            'A code consists of letters, digits, dots, hyphens and underscores.',
          ),
        );
      }
    }
    const first = this.firstUse.get(code);
    if (first === undefined) {
      this.firstUse.set(code, path);
    } else {
      this.issues.push(
        issue(
          `${path}.code`,
          'DUPLICATE_CODE',
          `Code ${code} wordt al gebruikt door ${first}.`,
          `Code ${code} is already used by ${first}.`,
        ),
      );
    }
    return code;
  }

  /** An amount given in whole euros (`eurPerUnit`, as in the published catalogue) or in cents, never both. */
  amount(source: Record<string, unknown>, path: string, euroKey: string, centsKey: string, required: boolean) {
    const euros = source[euroKey];
    const cents = source[centsKey];
    if (euros !== undefined && cents !== undefined) {
      this.issues.push(
        issue(
          `${path}.${centsKey}`,
          'AMBIGUOUS_AMOUNT',
          `Geef ${euroKey} of ${centsKey}, niet allebei.`,
          `Give ${euroKey} or ${centsKey}, not both.`,
        ),
      );
      return 0;
    }
    if (cents !== undefined) return this.positiveInteger(cents, `${path}.${centsKey}`);
    if (euros !== undefined) {
      const whole = this.positiveInteger(euros, `${path}.${euroKey}`);
      return this.safe(whole * 100, `${path}.${euroKey}`);
    }
    if (required) this.text(undefined, `${path}.${euroKey}`);
    return undefined;
  }

  safe(value: number, field: string): number {
    if (Number.isSafeInteger(value)) return value;
    this.issues.push(
      issue(
        field,
        'AMOUNT_TOO_LARGE',
        'Het bedrag is te groot om exact mee te rekenen.',
        'The amount is too large to compute with exactly.',
      ),
    );
    return 0;
  }
}

/**
 * Turns the catalogue JSON of a call (`objectives[].actions[].rows[]` with `unit`, `maxUnits`, `eurPerUnit`, as in
 * the published Plan Samenleven) into a Catalogue with codes and cents, so the administration can define a new
 * catalogue as data. Optional per item: `code`; per row `centsPerUnit` instead of `eurPerUnit`; per action
 * `budgetEur` or `budgetCents`. Every maximum contribution (and their sum) must stay a safe integer, so totals
 * computed from a subscription are exact.
 */
export function catalogueFromJson(json: unknown): CatalogueParseResult {
  const reader = new CatalogueReader();
  const root = reader.record(json, '');
  let maxTotal = 0;
  const objectives = reader.list(root.objectives, 'objectives').map((rawObjective, o): CatalogueObjective => {
    const objectivePath = `objectives.${o}`;
    const objective = reader.record(rawObjective, objectivePath);
    const objectiveCode = reader.code(objective, objectivePath, `O${o + 1}`);
    const name = reader.text(objective.name, `${objectivePath}.name`);
    const actions = reader.list(objective.actions, `${objectivePath}.actions`).map((rawAction, a): CatalogueAction => {
      const actionPath = `${objectivePath}.actions.${a}`;
      const action = reader.record(rawAction, actionPath);
      const actionCode = reader.code(action, actionPath, `${objectiveCode}.A${a + 1}`);
      const text = reader.text(action.text, `${actionPath}.text`);
      const budgetCents = reader.amount(action, actionPath, 'budgetEur', 'budgetCents', false);
      const rows = reader.list(action.rows, `${actionPath}.rows`).map((rawRow, r): CatalogueRow => {
        const rowPath = `${actionPath}.rows.${r}`;
        const row = reader.record(rawRow, rowPath);
        const code = reader.code(row, rowPath, `${actionCode}.R${r + 1}`);
        const unit = reader.text(row.unit, `${rowPath}.unit`);
        const maxUnits = reader.positiveInteger(row.maxUnits, `${rowPath}.maxUnits`);
        const centsPerUnit = reader.amount(row, rowPath, 'eurPerUnit', 'centsPerUnit', true) ?? 0;
        maxTotal += reader.safe(maxUnits * centsPerUnit, `${rowPath}.maxUnits`);
        return { code, unit, maxUnits, centsPerUnit };
      });
      return budgetCents === undefined
        ? { code: actionCode, text, rows }
        : { code: actionCode, text, rows, budgetCents };
    });
    return { code: objectiveCode, name, actions };
  });
  reader.safe(maxTotal, 'objectives');
  return reader.issues.length > 0 ? { ok: false, issues: reader.issues } : { ok: true, catalogue: { objectives } };
}

interface LineAnalysis {
  row: CatalogueRow | undefined;
  actionCode: string | null;
  duplicate: boolean;
  counted: boolean;
  contributionCents: Cents;
}

/** One pass shared by the issues and the totals, so the form's live numbers and the server's verdict agree. */
function analyse(catalogue: Catalogue, subscription: Subscription) {
  const rows = new Map<string, { row: CatalogueRow; action: CatalogueAction }>();
  const actions: CatalogueAction[] = [];
  for (const objective of catalogue.objectives) {
    for (const action of objective.actions) {
      actions.push(action);
      for (const row of action.rows) rows.set(row.code, { row, action });
    }
  }
  const seenRows = new Set<string>();
  const lines = subscription.lines.map((line): LineAnalysis => {
    const found = rows.get(line.rowCode);
    const duplicate = found !== undefined && seenRows.has(line.rowCode);
    seenRows.add(line.rowCode);
    const counted =
      found !== undefined &&
      !duplicate &&
      isWholeNumber(line.plannedExtraReach) &&
      line.plannedExtraReach <= found.row.maxUnits;
    return {
      row: found?.row,
      actionCode: found?.action.code ?? null,
      duplicate,
      counted,
      contributionCents: counted ? line.plannedExtraReach * found.row.centsPerUnit : 0,
    };
  });
  const perAction = actions
    .map((action) => {
      const own = subscription.lines.filter((_, i) => lines[i].actionCode === action.code && !lines[i].duplicate);
      return {
        actionCode: action.code,
        hasLines: own.length > 0,
        contributionCents: lines
          .filter((line) => line.actionCode === action.code)
          .reduce((sum, line) => sum + line.contributionCents, 0),
        chosen: own.some((line) => typeof line.plannedExtraReach === 'number' && line.plannedExtraReach > 0),
      };
    })
    .filter((action) => action.hasLines);
  const totalCents = lines.reduce((sum, line) => sum + line.contributionCents, 0);
  return { lines, perAction, totalCents, knownActions: new Set(actions.map((action) => action.code)) };
}

/**
 * Everything that must hold for a subscription: known rows (each at most once), whole-number reach with the planned
 * extra reach within the row's maximum, the chosen actions (some line with extra reach) numbered 1..n without gaps
 * or duplicates and no priority on another action, and an own contribution of at least the Flemish one (1:1).
 */
export function subscriptionIssues(catalogue: Catalogue, subscription: Subscription): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const analysis = analyse(catalogue, subscription);
  if (!analysis.perAction.some((action) => action.chosen)) {
    issues.push(
      issue(
        'lines',
        'NO_ACTION_CHOSEN',
        'Plan extra bereik voor minstens één actie.',
        'Plan extra reach for at least one action.',
      ),
    );
  }
  subscription.lines.forEach((line, index) => {
    const { row, duplicate } = analysis.lines[index];
    const field = `lines.${index}`;
    if (!row) {
      issues.push(
        issue(
          `${field}.rowCode`,
          'UNKNOWN_ROW',
          `Rij ${line.rowCode} staat niet in de catalogus.`,
          `Row ${line.rowCode} is not in the catalogue.`,
        ),
      );
    } else if (duplicate) {
      issues.push(
        issue(
          `${field}.rowCode`,
          'DUPLICATE_ROW',
          `Rij ${line.rowCode} komt meer dan één keer voor.`,
          `Row ${line.rowCode} appears more than once.`,
        ),
      );
    }
    if (!isWholeNumber(line.currentReach)) {
      issues.push(
        issue(
          `${field}.currentReach`,
          'NOT_A_WHOLE_NUMBER',
          'Het huidige bereik is een geheel getal, 0 of meer.',
          'The current reach is a whole number, 0 or more.',
        ),
      );
    }
    if (!isWholeNumber(line.plannedExtraReach)) {
      issues.push(
        issue(
          `${field}.plannedExtraReach`,
          'NOT_A_WHOLE_NUMBER',
          'Het extra bereik is een geheel getal, 0 of meer.',
          'The extra reach is a whole number, 0 or more.',
        ),
      );
    } else if (row && line.plannedExtraReach > row.maxUnits) {
      issues.push(
        issue(
          `${field}.plannedExtraReach`,
          'ABOVE_MAX_UNITS',
          `Het extra bereik is hoogstens ${row.maxUnits} (${row.unit}).`,
          `The extra reach is at most ${row.maxUnits} (${row.unit}).`,
        ),
      );
    }
  });
  issues.push(...priorityIssues(subscription.priorities, analysis));
  if (!isCents(subscription.ownContributionCents)) {
    issues.push(issue('ownContributionCents', 'INVALID_AMOUNT', 'Bedrag ongeldig.', 'Invalid amount.'));
  } else if (subscription.ownContributionCents < analysis.totalCents) {
    issues.push(
      issue(
        'ownContributionCents',
        'OWN_CONTRIBUTION_TOO_LOW',
        `De eigen inbreng moet minstens even groot zijn als de Vlaamse bijdrage (${formatEuro(analysis.totalCents, 'nl')}).`,
        `The own contribution must be at least the Flemish contribution (${formatEuro(analysis.totalCents, 'en')}).`,
      ),
    );
  }
  return issues;
}

function priorityIssues(priorities: Subscription['priorities'], analysis: ReturnType<typeof analyse>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const chosen = analysis.perAction.filter((action) => action.chosen).map((action) => action.actionCode);
  const chosenSet = new Set(chosen);
  const count = chosen.length;
  // Sorted so the issues come out in the same order whatever order the form sent the keys in.
  for (const code of Object.keys(priorities).sort()) {
    if (chosenSet.has(code)) continue;
    issues.push(
      analysis.knownActions.has(code)
        ? issue(
            `priorities.${code}`,
            'PRIORITY_ON_UNCHOSEN_ACTION',
            `Actie ${code} heeft geen extra bereik en krijgt dus geen prioriteit.`,
            `Action ${code} plans no extra reach, so it takes no priority.`,
          )
        : issue(
            `priorities.${code}`,
            'UNKNOWN_ACTION',
            `Actie ${code} staat niet in de catalogus.`,
            `Action ${code} is not in the catalogue.`,
          ),
    );
  }
  const byPriority = new Map<number, string[]>();
  for (const code of chosen) {
    const field = `priorities.${code}`;
    const value = Object.hasOwn(priorities, code) ? priorities[code] : undefined;
    if (value === undefined) {
      issues.push(
        issue(
          field,
          'MISSING_PRIORITY',
          `Geef actie ${code} een prioriteit van 1 tot ${count}.`,
          `Give action ${code} a priority from 1 to ${count}.`,
        ),
      );
    } else if (!isPositiveInteger(value)) {
      issues.push(
        issue(
          field,
          'INVALID_PRIORITY',
          'Een prioriteit is een geheel getal vanaf 1.',
          'A priority is a whole number from 1.',
        ),
      );
    } else if (value > count) {
      issues.push(
        issue(
          field,
          'PRIORITY_OUT_OF_RANGE',
          `Met ${count} gekozen acties loopt de prioriteit van 1 tot ${count}.`,
          `With ${count} chosen actions the priority runs from 1 to ${count}.`,
        ),
      );
    } else {
      byPriority.set(value, [...(byPriority.get(value) ?? []), code]);
    }
  }
  for (let priority = 1; priority <= count; priority += 1) {
    const codes = byPriority.get(priority) ?? [];
    if (codes.length === 0) {
      issues.push(
        issue(
          'priorities',
          'PRIORITY_GAP',
          `Prioriteit ${priority} is aan geen enkele actie gegeven; nummer de gekozen acties 1 tot ${count}.`,
          `No action has priority ${priority}; number the chosen actions 1 to ${count}.`,
        ),
      );
    }
    if (codes.length > 1) {
      for (const code of codes) {
        const others = codes.filter((other) => other !== code).join(', ');
        issues.push(
          issue(
            `priorities.${code}`,
            'DUPLICATE_PRIORITY',
            `Prioriteit ${priority} is ook gegeven aan ${others}; elke actie krijgt een andere prioriteit.`,
            `Priority ${priority} is also given to ${others}; every action takes a different priority.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** The Flemish contribution per line, per action and in total, for live display in the subscription form. */
export function subscriptionTotals(catalogue: Catalogue, subscription: Subscription): SubscriptionTotals {
  const analysis = analyse(catalogue, subscription);
  return {
    lines: subscription.lines.map((line, index) => ({
      rowCode: line.rowCode,
      actionCode: analysis.lines[index].actionCode,
      contributionCents: analysis.lines[index].contributionCents,
      counted: analysis.lines[index].counted,
    })),
    actions: analysis.perAction.map(({ actionCode, contributionCents, chosen }) => ({
      actionCode,
      contributionCents,
      chosen,
    })),
    totalCents: analysis.totalCents,
  };
}
