/** Where a call stands at a moment: not yet published, published but not open yet, open, or past its deadline. */
export type CallPhase = 'draft' | 'planned' | 'open' | 'closed';

export interface CallWindow {
  status: string;
  opensAt: Date;
  closesAt: Date;
}

/**
 * The phase of a call at `now`. Open means published, from `opensAt` up to and including `closesAt`.
 * (The submission queries say the same in SQL, where the database clock decides.)
 */
export function callPhase(call: CallWindow, now: Date): CallPhase {
  if (call.status === 'draft') return 'draft';
  if (call.status !== 'published') return 'closed';
  if (now < call.opensAt) return 'planned';
  return now <= call.closesAt ? 'open' : 'closed';
}

export function isCallOpen(call: CallWindow, now: Date): boolean {
  return callPhase(call, now) === 'open';
}
