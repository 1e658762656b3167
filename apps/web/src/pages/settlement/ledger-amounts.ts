import type { LedgerTotals } from '@portal/contracts';

/** The ledger's amount columns, in the order both ledger pages show them. */
export const AMOUNTS = [
  'grantedCents',
  'acceptedCostsCents',
  'paidCents',
  'dueCents',
  'toRecoverCents',
  'recoveredCents',
] as const satisfies ReadonlyArray<keyof LedgerTotals>;
