import type { Cents } from './money';

/**
 * Reserve list after the decision: when an awarded applicant declines, the money that comes free goes to the
 * reserve list in its order. The administration proposes the first reserve dossier whose amount fits in what is
 * left (of the call budget and of its envelope, if the call has envelopes); the minister confirms.
 *
 * A dossier that does not fit is skipped, not funded in part: a reserve promotion is a new decision for the full
 * amount of the approved proposal (requested or adjusted), and a later, smaller dossier may still fit.
 */
export interface ReserveCandidate {
  dossierId: string;
  /** 1-based position on the reserve list of the approved proposal. */
  position: number;
  amountCents: Cents;
  envelope?: string | null;
}

export interface ReserveRoom {
  /** Call budget minus everything awarded and everything proposed for promotion. */
  remainingCents: Cents;
  /** Per envelope: its budget minus what is awarded or proposed in it. Absent when the call has no envelopes. */
  envelopeRemainingCents?: Readonly<Record<string, Cents>>;
}

export type ReserveFit = { fits: true } | { fits: false; reason: 'budget' | 'envelope' };

export function reserveFit(candidate: ReserveCandidate, room: ReserveRoom): ReserveFit {
  if (candidate.amountCents > room.remainingCents) return { fits: false, reason: 'budget' };
  const envelopes = room.envelopeRemainingCents;
  if (envelopes && candidate.envelope != null) {
    const left = envelopes[candidate.envelope] ?? 0;
    if (candidate.amountCents > left) return { fits: false, reason: 'envelope' };
  }
  return { fits: true };
}

/** The reserve dossier to propose next: the lowest position that fits, or null when none does. */
export function nextReserveThatFits(
  candidates: readonly ReserveCandidate[],
  room: ReserveRoom,
): ReserveCandidate | null {
  const ordered = [...candidates].sort((a, b) => a.position - b.position);
  return ordered.find((candidate) => reserveFit(candidate, room).fits) ?? null;
}
