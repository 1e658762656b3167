import type { RuleIssue } from './call-rules';
import type { Cents } from './money';

/**
 * Ranking of scored dossiers within a call.
 *
 * The domain library may not import `libs/contracts`, so the shapes below are declared here; they are structurally
 * compatible with `CallCriterion` and `TieBreakStep` from `@portal/contracts`, so a call can be passed as it is.
 */

/** Same members as `TIE_BREAK_STEPS` in the contracts (persisted there); repeated here for validation. */
export const RANKING_TIE_BREAK_STEPS = ['criteria-in-order', 'earlier-submission'] as const;
export type RankingTieBreakStep = (typeof RANKING_TIE_BREAK_STEPS)[number];

/** What decided the order against the previous dossier when both had the same total. */
export type TieBreakDecider = RankingTieBreakStep | 'reference';

export interface RankingCriterion {
  code: string;
  scaleMin: number;
  scaleMax: number;
  /** Rounded to 3 decimals: the ranking computes in thousandths of a weight point. */
  weight: number;
  /** A score below the threshold makes the dossier insufficient. */
  threshold: number;
}

export interface RankingDossier {
  dossierId: string;
  /** Public reference, unique within the call; the last tie-break. */
  reference: string;
  /** ISO 8601 with `Z` or an offset, e.g. `2020-05-22T21:59:59.000Z`; fractions up to nanoseconds count. */
  submittedAt: string;
  requestedCents: Cents;
  /** Consensus score per criterion code; a criterion without a score makes the dossier incomplete. */
  scores: Readonly<Record<string, number>>;
}

export interface RankedDossier {
  dossierId: string;
  reference: string;
  submittedAt: string;
  requestedCents: Cents;
  /** 1-based, no shared ranks: ties are always broken. */
  rank: number;
  /**
   * Exact weighted total in units of 1/2000 point (weight in thousandths times score in half points);
   * compare on this, never on `total`. For an incomplete dossier: the total of the scores it has (provisional).
   */
  totalUnits: number;
  /** `totalUnits` in points, rounded half up to 3 decimals, for display. */
  total: number;
  /** Every criterion has a score. */
  complete: boolean;
  missingCriteria: string[];
  /** Complete and no score below its threshold: only sufficient dossiers can be funded. */
  sufficient: boolean;
  /** Criteria (in call order) scored below their threshold. */
  failingCriteria: string[];
  tieBrokenBy: TieBreakDecider | null;
}

/** Why a score cannot be used: not a finite number, outside the criterion's scale, or not a whole or half point. */
export type ScoreIssue = 'not-a-number' | 'below-scale' | 'above-scale' | 'not-half-point';

/** Thrown by `rankDossiers` on input that cannot be ranked; `issues` says what (same list as `rankingIssues`). */
export class RankingInputError extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super(`Cannot rank: ${issues.map((issue) => `${issue.field}:${issue.code}`).join(', ')}`);
    this.name = 'RankingInputError';
  }
}

/** Null when the value is a usable score for the criterion; half points (2.5) are allowed, quarter points are not. */
export function scoreIssue(
  criterion: Pick<RankingCriterion, 'scaleMin' | 'scaleMax'>,
  value: unknown,
): ScoreIssue | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-a-number';
  if (value < criterion.scaleMin) return 'below-scale';
  if (value > criterion.scaleMax) return 'above-scale';
  // Doubling is exact in binary floating point, so this is an exact test for multiples of 0.5.
  if (!Number.isInteger(value * 2)) return 'not-half-point';
  return null;
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

const SCORE_MESSAGES: Record<ScoreIssue, { nl: string; en: string }> = {
  'not-a-number': { nl: 'De score is geen getal.', en: 'The score is not a number.' },
  'below-scale': { nl: 'De score ligt onder de schaal.', en: 'The score is below the scale.' },
  'above-scale': { nl: 'De score ligt boven de schaal.', en: 'The score is above the scale.' },
  'not-half-point': {
    nl: 'De score is geen veelvoud van een halve punt.',
    en: 'The score is not a multiple of half a point.',
  },
};

const GROUP_SUFFICIENT = 0;
const GROUP_INSUFFICIENT = 1;
const GROUP_INCOMPLETE = 2;

const STEP_CRITERIA = 1;
const STEP_SUBMISSION = 2;

// What `compareKeys` returns (with a sign): the first key on which two dossiers differ.
const BY_GROUP = 1;
const BY_TOTAL = 2;
const BY_CRITERIA = 3;
const BY_SUBMISSION = 4;
const BY_REFERENCE = 5;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `count` decimal digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const digit = text.charCodeAt(from + k) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); plain integer arithmetic. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Reads a strict ISO 8601 instant `YYYY-MM-DDTHH:mm:ss[.fraction up to 9 digits](Z|+HH:mm|-HH:mm)` into epoch
 * milliseconds and the nanoseconds within that millisecond. The zone is mandatory: without one the instant would
 * depend on the machine's time zone. Refuses impossible dates (30 February) and hour 24. Hand-written rather than
 * Date.parse (which accepts 30 February) so that 100,000 moments parse without allocating.
 */
function readInstant(value: unknown, ms: Float64Array, ns: Float64Array, index: number): boolean {
  if (typeof value !== 'string' || value.length < 20 || value.length > 35) return false;
  if (
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 || // T
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58
  ) {
    return false;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return false;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return false;
  let position = 19;
  let nanos = 0;
  if (value.charCodeAt(position) === 46) {
    // .
    position += 1;
    let count = 0;
    while (count < 10) {
      const digit = value.charCodeAt(position) - 48;
      if (!(digit >= 0 && digit <= 9)) break;
      nanos = nanos * 10 + digit;
      count += 1;
      position += 1;
    }
    if (count < 1 || count > 9) return false;
    nanos *= 10 ** (9 - count);
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(position);
  if (zone === 90) {
    // Z
    if (position + 1 !== value.length) return false;
  } else if ((zone === 43 || zone === 45) && position + 6 === value.length && value.charCodeAt(position + 3) === 58) {
    const offsetHours = digitsAt(value, position + 1, 2);
    const offsetMins = digitsAt(value, position + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return false;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return false;
  }
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  ms[index] = seconds * 1000 + Math.floor(nanos / 1_000_000);
  ns[index] = nanos % 1_000_000;
  return true;
}

/** Sort keys of all dossiers in flat typed arrays, so the sort allocates nothing per comparison. */
interface RankingKeys {
  count: number;
  criteriaCount: number;
  group: Uint8Array;
  totalUnits: Float64Array;
  /** Score in half points, per dossier then per criterion; -Infinity when missing (lowest in criteria order). */
  scoreUnits: Float64Array;
  submittedMs: Float64Array;
  submittedNs: Float64Array;
  references: string[];
  steps: Uint8Array;
  missing: string[][];
  failing: string[][];
}

function criteriaIssues(criteria: readonly RankingCriterion[], issues: RuleIssue[]): number[] {
  if (criteria.length === 0) {
    issues.push(issue('criteria', 'required', 'De oproep heeft geen criteria.', 'The call has no criteria.'));
  }
  const seen = new Set<string>();
  const weightUnits: number[] = [];
  let maxTotal = 0;
  criteria.forEach((criterion, index) => {
    if (seen.has(criterion.code)) {
      issues.push(
        issue(
          `criteria.${index}.code`,
          'duplicateCode',
          `Criteriumcode ${criterion.code} komt twee keer voor.`,
          `Criterion code ${criterion.code} appears twice.`,
        ),
      );
    }
    seen.add(criterion.code);
    const units = Number.isFinite(criterion.weight) ? Math.round(criterion.weight * 1000) : NaN;
    if (!(units >= 1)) {
      issues.push(
        issue(
          `criteria.${index}.weight`,
          'positive',
          'Het gewicht moet positief zijn (minstens 0,001).',
          'The weight must be positive (at least 0.001).',
        ),
      );
    }
    if (
      !Number.isFinite(criterion.scaleMin) ||
      !Number.isFinite(criterion.scaleMax) ||
      !(criterion.scaleMax > criterion.scaleMin)
    ) {
      issues.push(issue(`criteria.${index}.scaleMax`, 'scaleBounds', 'De schaal is leeg.', 'The scale is empty.'));
    }
    if (!Number.isFinite(criterion.threshold)) {
      issues.push(
        issue(
          `criteria.${index}.threshold`,
          'notANumber',
          'De drempel is geen getal.',
          'The threshold is not a number.',
        ),
      );
    }
    weightUnits.push(units);
    maxTotal += units * 2 * Math.max(Math.abs(criterion.scaleMin), Math.abs(criterion.scaleMax));
  });
  if (!(maxTotal <= Number.MAX_SAFE_INTEGER) && issues.length === 0) {
    issues.push(
      issue(
        'criteria',
        'scaleTooLarge',
        'Gewichten en schalen zijn te groot om exact te rekenen.',
        'Weights and scales are too large to compute exactly.',
      ),
    );
  }
  return weightUnits;
}

function stepCodes(tieBreak: readonly RankingTieBreakStep[], issues: RuleIssue[]): Uint8Array {
  const steps = new Uint8Array(tieBreak.length);
  tieBreak.forEach((step, index) => {
    if (step === 'criteria-in-order') steps[index] = STEP_CRITERIA;
    else if (step === 'earlier-submission') steps[index] = STEP_SUBMISSION;
    else {
      issues.push(
        issue(
          `tieBreak.${index}`,
          'unknownStep',
          `Onbekende beslissingsregel ${String(step)}.`,
          `Unknown tie-break step ${String(step)}.`,
        ),
      );
    }
  });
  return steps;
}

function computeKeys(
  criteria: readonly RankingCriterion[],
  tieBreak: readonly RankingTieBreakStep[],
  dossiers: readonly RankingDossier[],
): { keys: RankingKeys; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const weightUnits = criteriaIssues(criteria, issues);
  const steps = stepCodes(tieBreak, issues);
  const count = dossiers.length;
  const criteriaCount = criteria.length;
  const inherited = criteria.map((criterion) => criterion.code in Object.prototype);
  const keys: RankingKeys = {
    count,
    criteriaCount,
    group: new Uint8Array(count),
    totalUnits: new Float64Array(count),
    scoreUnits: new Float64Array(count * criteriaCount),
    submittedMs: new Float64Array(count),
    submittedNs: new Float64Array(count),
    references: new Array<string>(count),
    steps,
    missing: new Array<string[]>(count),
    failing: new Array<string[]>(count),
  };
  if (issues.length > 0) return { keys, issues };

  const ids = new Set<string>();
  const references = new Set<string>();
  for (let i = 0; i < count; i++) {
    const dossier = dossiers[i];
    if (ids.has(dossier.dossierId)) {
      issues.push(
        issue(
          `dossiers.${i}.dossierId`,
          'duplicateDossier',
          `Dossier ${dossier.dossierId} komt twee keer voor.`,
          `Dossier ${dossier.dossierId} appears twice.`,
        ),
      );
    }
    ids.add(dossier.dossierId);
    if (typeof dossier.reference !== 'string' || references.has(dossier.reference)) {
      issues.push(
        issue(
          `dossiers.${i}.reference`,
          'duplicateReference',
          `Referentie ${dossier.reference} komt twee keer voor.`,
          `Reference ${dossier.reference} appears twice.`,
        ),
      );
    }
    references.add(dossier.reference);
    keys.references[i] = dossier.reference;
    if (!readInstant(dossier.submittedAt, keys.submittedMs, keys.submittedNs, i)) {
      issues.push(
        issue(
          `dossiers.${i}.submittedAt`,
          'invalidInstant',
          'Het indienmoment is geen ISO-tijdstip met tijdzone.',
          'The submission moment is not an ISO instant with a time zone.',
        ),
      );
    }

    let total = 0;
    const missing: string[] = [];
    const failing: string[] = [];
    const base = i * criteriaCount;
    for (let c = 0; c < criteriaCount; c++) {
      const criterion = criteria[c];
      // Only an own score counts: a criterion coded `constructor` must not read Object.prototype.constructor.
      let value: number | undefined = dossier.scores[criterion.code];
      if (inherited[c] && !Object.hasOwn(dossier.scores, criterion.code)) value = undefined;
      if (value === undefined || value === null) {
        missing.push(criterion.code);
        keys.scoreUnits[base + c] = -Infinity;
        continue;
      }
      const problem = scoreIssue(criterion, value);
      if (problem) {
        const message = SCORE_MESSAGES[problem];
        issues.push(
          issue(
            `dossiers.${i}.scores.${criterion.code}`,
            problem,
            `${dossier.reference}: ${message.nl}`,
            `${dossier.reference}: ${message.en}`,
          ),
        );
        keys.scoreUnits[base + c] = -Infinity;
        continue;
      }
      const units = value * 2;
      keys.scoreUnits[base + c] = units;
      total += weightUnits[c] * units;
      if (value < criterion.threshold) failing.push(criterion.code);
    }
    keys.totalUnits[i] = total;
    keys.missing[i] = missing;
    keys.failing[i] = failing;
    keys.group[i] = missing.length > 0 ? GROUP_INCOMPLETE : failing.length > 0 ? GROUP_INSUFFICIENT : GROUP_SUFFICIENT;
  }
  return { keys, issues };
}

/**
 * A comparator on dossier indices: negative when dossier a ranks before b, positive after; the absolute value says
 * which key decided (BY_GROUP ... BY_REFERENCE). One function for both the sort and `tieBrokenBy`, so they can never
 * disagree. The keys are captured in locals: the sort calls this about n log n times.
 */
function comparatorFor(keys: RankingKeys): (a: number, b: number) => number {
  const { group, totalUnits, scoreUnits, submittedMs, submittedNs, references, steps, criteriaCount } = keys;
  return (a, b) => {
    if (group[a] !== group[b]) return group[a] < group[b] ? -BY_GROUP : BY_GROUP;
    if (totalUnits[a] !== totalUnits[b]) return totalUnits[a] > totalUnits[b] ? -BY_TOTAL : BY_TOTAL;
    for (let s = 0; s < steps.length; s++) {
      if (steps[s] === STEP_CRITERIA) {
        const baseA = a * criteriaCount;
        const baseB = b * criteriaCount;
        for (let c = 0; c < criteriaCount; c++) {
          const scoreA = scoreUnits[baseA + c];
          const scoreB = scoreUnits[baseB + c];
          if (scoreA !== scoreB) return scoreA > scoreB ? -BY_CRITERIA : BY_CRITERIA;
        }
      } else {
        if (submittedMs[a] !== submittedMs[b]) return submittedMs[a] < submittedMs[b] ? -BY_SUBMISSION : BY_SUBMISSION;
        if (submittedNs[a] !== submittedNs[b]) return submittedNs[a] < submittedNs[b] ? -BY_SUBMISSION : BY_SUBMISSION;
      }
    }
    // References are unique (checked), so this makes the order total; plain code-unit order, never locale order.
    const referenceA = references[a];
    const referenceB = references[b];
    return referenceA < referenceB ? -BY_REFERENCE : referenceA > referenceB ? BY_REFERENCE : 0;
  };
}

const DECIDERS: Record<number, TieBreakDecider> = {
  [BY_CRITERIA]: 'criteria-in-order',
  [BY_SUBMISSION]: 'earlier-submission',
  [BY_REFERENCE]: 'reference',
};

/**
 * Everything that prevents a ranking: duplicate or invalid criteria, unknown tie-break steps, duplicate dossiers or
 * references, submission moments without a time zone, scores outside the scale or not in half points.
 * A missing score is not an issue: that dossier is ranked as incomplete.
 */
export function rankingIssues(
  criteria: readonly RankingCriterion[],
  tieBreak: readonly RankingTieBreakStep[],
  dossiers: readonly RankingDossier[],
): RuleIssue[] {
  return computeKeys(criteria, tieBreak, dossiers).issues;
}

/**
 * The call's ranking: sufficient dossiers first, then insufficient ones (a score below a threshold), then incomplete
 * ones (a score missing), each group by exact weighted total (highest first), ties broken by the call's tie-break
 * steps in order and finally by reference, so the order is total and does not depend on the input order.
 * Throws `RankingInputError` when `rankingIssues` is not empty: a ranking on invalid scores must never be published.
 */
export function rankDossiers(
  criteria: readonly RankingCriterion[],
  tieBreak: readonly RankingTieBreakStep[],
  dossiers: readonly RankingDossier[],
): RankedDossier[] {
  const { keys, issues } = computeKeys(criteria, tieBreak, dossiers);
  if (issues.length > 0) throw new RankingInputError(issues);
  const order = new Array<number>(keys.count);
  for (let i = 0; i < keys.count; i++) order[i] = i;
  const compare = comparatorFor(keys);
  order.sort(compare);

  const ranked = new Array<RankedDossier>(keys.count);
  for (let position = 0; position < keys.count; position++) {
    const i = order[position];
    const dossier = dossiers[i];
    const decidedBy = position === 0 ? 0 : Math.abs(compare(order[position - 1], i));
    const totalUnits = keys.totalUnits[i];
    ranked[position] = {
      dossierId: dossier.dossierId,
      reference: dossier.reference,
      submittedAt: dossier.submittedAt,
      requestedCents: dossier.requestedCents,
      rank: position + 1,
      totalUnits,
      // totalUnits / 2000 rounded to thousandths; Math.round on half units is exact and rounds half up
      // (`+ 0` turns the -0 of a small negative total into 0).
      total: Math.round(totalUnits / 2) / 1000 + 0,
      complete: keys.group[i] !== GROUP_INCOMPLETE,
      missingCriteria: keys.missing[i],
      sufficient: keys.group[i] === GROUP_SUFFICIENT,
      failingCriteria: keys.failing[i],
      tieBrokenBy: DECIDERS[decidedBy] ?? null,
    };
  }
  return ranked;
}
