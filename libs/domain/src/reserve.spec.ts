import fc from 'fast-check';
import { nextReserveThatFits, reserveFit, type ReserveCandidate } from './reserve';

const candidate = (position: number, euros: number, envelope: string | null = null): ReserveCandidate => ({
  dossierId: `d${position}`,
  position,
  amountCents: euros * 100,
  envelope,
});

describe('nextReserveThatFits', () => {
  it('takes the first position that fits and skips one that is too expensive', () => {
    const reserve = [candidate(2, 40_000), candidate(1, 90_000), candidate(3, 30_000)];
    expect(nextReserveThatFits(reserve, { remainingCents: 50_000_00 })?.dossierId).toBe('d2');
    expect(nextReserveThatFits(reserve, { remainingCents: 95_000_00 })?.dossierId).toBe('d1');
    expect(nextReserveThatFits(reserve, { remainingCents: 29_999_99 })).toBeNull();
  });

  it('respects the envelope of the dossier', () => {
    const reserve = [candidate(1, 40_000, 'LIMBURG'), candidate(2, 40_000, 'ANTWERPEN')];
    const room = { remainingCents: 100_000_00, envelopeRemainingCents: { LIMBURG: 10_000_00, ANTWERPEN: 50_000_00 } };
    expect(reserveFit(reserve[0], room)).toEqual({ fits: false, reason: 'envelope' });
    expect(nextReserveThatFits(reserve, room)?.dossierId).toBe('d2');
  });

  it('never proposes more than is left, and never passes over an earlier dossier that fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000_00 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 300_000_00 }),
        (amounts, remainingCents) => {
          const reserve = amounts.map((amountCents, i) => ({ dossierId: `d${i + 1}`, position: i + 1, amountCents }));
          const next = nextReserveThatFits(reserve, { remainingCents });
          if (next === null) return reserve.every((c) => c.amountCents > remainingCents);
          return (
            next.amountCents <= remainingCents &&
            reserve.filter((c) => c.position < next.position).every((c) => c.amountCents > remainingCents)
          );
        },
      ),
    );
  });
});
