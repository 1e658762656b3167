/**
 * Payment schedules after the decision (ADR 0023): a call pays its granted amounts in tranches, each a share in basis
 * points (1/100 of a percent) of the dossier's granted amount, due when its trigger happened.
 *
 * WARNING: the trigger names are stored in payment_schedule_tranches.trigger; renaming one needs a migration.
 */
export const TRANCHE_TRIGGERS = ['acceptance', 'interim_report_approved', 'final_report_approved'] as const;
export type TrancheTrigger = (typeof TRANCHE_TRIGGERS)[number];

export interface ScheduleTranche {
  /** 1-based, the order of the tranches (also their order in the letter and the SEPA file). */
  position: number;
  shareBasisPoints: number;
  trigger: TrancheTrigger;
}

/** 100 % in basis points. */
export const FULL_SHARE = 10_000;
export const MAX_TRANCHES = 6;

/** When no schedule was set for a call: an 80 % advance on acceptance, the 20 % balance on the final report. */
export const DEFAULT_SCHEDULE: readonly ScheduleTranche[] = [
  { position: 1, shareBasisPoints: 8_000, trigger: 'acceptance' },
  { position: 2, shareBasisPoints: 2_000, trigger: 'final_report_approved' },
];

export type ScheduleProblem =
  | { code: 'SCHEDULE_EMPTY' }
  | { code: 'SCHEDULE_TOO_MANY'; max: number }
  | { code: 'SCHEDULE_SHARE_INVALID'; index: number }
  | { code: 'SCHEDULE_TRIGGER_INVALID'; index: number }
  | { code: 'SCHEDULE_SUM_NOT_100'; sumBasisPoints: number };

/** What is wrong with a schedule (tranches in their order), or null when it is valid. */
export function scheduleProblem(
  tranches: ReadonlyArray<{ shareBasisPoints: number; trigger: string }>,
): ScheduleProblem | null {
  if (tranches.length === 0) return { code: 'SCHEDULE_EMPTY' };
  if (tranches.length > MAX_TRANCHES) return { code: 'SCHEDULE_TOO_MANY', max: MAX_TRANCHES };
  for (const [index, tranche] of tranches.entries()) {
    const share = tranche.shareBasisPoints;
    if (!Number.isInteger(share) || share < 1 || share > FULL_SHARE) return { code: 'SCHEDULE_SHARE_INVALID', index };
    if (!(TRANCHE_TRIGGERS as readonly string[]).includes(tranche.trigger))
      return { code: 'SCHEDULE_TRIGGER_INVALID', index };
  }
  const sum = tranches.reduce((total, t) => total + t.shareBasisPoints, 0);
  if (sum !== FULL_SHARE) return { code: 'SCHEDULE_SUM_NOT_100', sumBasisPoints: sum };
  return null;
}

export interface TrancheAmount extends ScheduleTranche {
  amountCents: number;
}

/**
 * Each tranche's amount in integer cents. Every tranche but the last is rounded down (floor of granted x share /
 * 10 000); the last takes the remainder, so the amounts always add up to the granted amount exactly, whatever the
 * shares. Computed in BigInt: granted amounts up to Number.MAX_SAFE_INTEGER cents stay exact.
 */
export function trancheAmounts(grantedCents: number, schedule: readonly ScheduleTranche[]): TrancheAmount[] {
  if (!Number.isSafeInteger(grantedCents) || grantedCents < 0) throw new RangeError('grantedCents: a whole, >= 0');
  const problem = scheduleProblem(schedule);
  if (problem) throw new RangeError(`schedule: ${problem.code}`);
  const ordered = [...schedule].sort((a, b) => a.position - b.position);
  const granted = BigInt(grantedCents);
  let assigned = 0n;
  return ordered.map((tranche, index) => {
    const amount =
      index === ordered.length - 1 ? granted - assigned : (granted * BigInt(tranche.shareBasisPoints)) / 10_000n;
    assigned += amount;
    return { ...tranche, amountCents: Number(amount) };
  });
}

/** What happened to a dossier that triggers tranches; null: not (yet). */
export interface TrancheEvents {
  acceptedAt: Date | null;
  interimApprovedAt: Date | null;
  finalApprovedAt: Date | null;
}

export const NO_TRANCHE_EVENTS: TrancheEvents = { acceptedAt: null, interimApprovedAt: null, finalApprovedAt: null };

function eventOf(trigger: TrancheTrigger, events: TrancheEvents): Date | null {
  switch (trigger) {
    case 'acceptance':
      return events.acceptedAt;
    case 'interim_report_approved':
      return events.interimApprovedAt;
    case 'final_report_approved':
      return events.finalApprovedAt;
  }
}

/**
 * The tranches due at `now`: those whose trigger happened at or before `now`. Nothing is due before the acceptance,
 * whatever else happened: an organisation that did not accept the decision and its conditions is paid nothing.
 */
export function dueTranches<T extends ScheduleTranche>(schedule: readonly T[], events: TrancheEvents, now: Date): T[] {
  if (!events.acceptedAt || events.acceptedAt > now) return [];
  return schedule
    .filter((tranche) => {
      const at = eventOf(tranche.trigger, events);
      return at !== null && at <= now;
    })
    .sort((a, b) => a.position - b.position);
}

/**
 * A SEPA remittance text and end-to-end id must stay within the ISO 20022 "Latin" character set and its lengths
 * (140 and 35): this keeps letters, digits, space and / - ? : ( ) . , ' + and replaces the rest.
 */
export function sepaText(value: string, maxLength: number): string {
  const plain = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}

/** What each trigger is called in letters, mails and pages. */
export const TRANCHE_TRIGGER_TEXT: Record<TrancheTrigger, { nl: string; en: string }> = {
  acceptance: { nl: 'na de aanvaarding van de beslissing', en: 'after the acceptance of the decision' },
  interim_report_approved: {
    nl: 'na de goedkeuring van het tussentijds rapport',
    en: 'after the approval of the interim report',
  },
  final_report_approved: { nl: 'na de goedkeuring van het eindrapport', en: 'after the approval of the final report' },
};

/** "schijf 1 (80 %) na de aanvaarding van de beslissing" / "tranche 1 (80%) after ...". */
export function trancheLabel(tranche: ScheduleTranche, locale: 'nl' | 'en'): string {
  const percent = (tranche.shareBasisPoints / 100).toLocaleString(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    maximumFractionDigits: 2,
  });
  const text = TRANCHE_TRIGGER_TEXT[tranche.trigger][locale];
  return locale === 'nl'
    ? `schijf ${tranche.position} (${percent} %) ${text}`
    : `tranche ${tranche.position} (${percent}%) ${text}`;
}
