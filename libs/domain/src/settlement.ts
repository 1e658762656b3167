/**
 * The settlement of a dossier after its final report is approved (ADR 0025): what the organisation is entitled to,
 * what it was paid, and what is still due (a positive balance) or must be recovered (a negative one). Pure, integer
 * cents, computed in BigInt so that amounts up to Number.MAX_SAFE_INTEGER cents stay exact.
 */
export interface SettlementInput {
  /** The effective grant: the lowest approved change's granted_cents_after, else the dossier's granted amount. */
  grantedCents: number;
  /** The dossier's planned total costs (copied into the final report from the submitted dossier). */
  plannedCostsCents: number;
  /** The costs the administration accepted when it approved the final report. */
  acceptedCostsCents: number;
  /** Every payment committed for the dossier: approved batches, paid or not yet (ADR 0025). */
  paidCents: number;
}

export interface Settlement extends SettlementInput {
  entitledCents: number;
  /** entitled - paid: > 0 still due, < 0 to recover, 0 settled. */
  balanceCents: number;
}

function wholeCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name}: a whole number of cents, >= 0`);
}

/**
 * entitled = granted x min(1, accepted / planned), rounded DOWN to the cent (the administration never owes a fraction
 * it cannot pay and never recovers a fraction more than the rule gives); no planned costs: the full grant.
 */
export function entitledCents(input: Omit<SettlementInput, 'paidCents'>): number {
  const { grantedCents, plannedCostsCents, acceptedCostsCents } = input;
  wholeCents('grantedCents', grantedCents);
  wholeCents('plannedCostsCents', plannedCostsCents);
  wholeCents('acceptedCostsCents', acceptedCostsCents);
  if (plannedCostsCents === 0 || acceptedCostsCents >= plannedCostsCents) return grantedCents;
  return Number((BigInt(grantedCents) * BigInt(acceptedCostsCents)) / BigInt(plannedCostsCents));
}

export function settle(input: SettlementInput): Settlement {
  wholeCents('paidCents', input.paidCents);
  const entitled = entitledCents(input);
  return { ...input, entitledCents: entitled, balanceCents: entitled - input.paidCents };
}

/**
 * What each unpaid tranche may still be paid once a dossier is settled: the open balance (entitled - committed) is
 * handed to the unpaid tranches in their order, each at most its own amount, so the payments never pass the
 * entitlement. Tranches that get nothing are left out.
 */
export function cappedTranches<T extends { position: number; amountCents: number }>(
  unpaid: readonly T[],
  openCents: number,
): T[] {
  let left = Math.max(0, openCents);
  const result: T[] = [];
  for (const tranche of [...unpaid].sort((a, b) => a.position - b.position)) {
    const amount = Math.min(tranche.amountCents, left);
    if (amount <= 0) continue;
    left -= amount;
    result.push({ ...tranche, amountCents: amount });
  }
  return result;
}

/** The open amount of a recovery: what was to be repaid minus what was repaid, never below zero. */
export function recoveryOpenCents(amountCents: number, repaidCents: number): number {
  return Math.max(0, amountCents - repaidCents);
}

/** The due date of a recovery: `days` calendar days after the day it was made (YYYY-MM-DD, no time zone games). */
export function recoveryDueOn(madeOn: string, days: number): string {
  const [y, m, d] = madeOn.split('-').map(Number);
  const due = new Date(Date.UTC(y, m - 1, d + days));
  return due.toISOString().slice(0, 10);
}
