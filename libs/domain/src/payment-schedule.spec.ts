import {
  DEFAULT_SCHEDULE,
  dueTranches,
  NO_TRANCHE_EVENTS,
  scheduleProblem,
  sepaText,
  trancheAmounts,
  trancheLabel,
  type ScheduleTranche,
} from './payment-schedule';

const thirds: ScheduleTranche[] = [
  { position: 1, shareBasisPoints: 3_333, trigger: 'acceptance' },
  { position: 2, shareBasisPoints: 3_333, trigger: 'interim_report_approved' },
  { position: 3, shareBasisPoints: 3_334, trigger: 'final_report_approved' },
];

describe('scheduleProblem', () => {
  it('accepts the default 80/20 schedule', () => {
    expect(scheduleProblem(DEFAULT_SCHEDULE)).toBeNull();
  });

  it('refuses shares that do not add up to 100 %', () => {
    expect(
      scheduleProblem([
        { shareBasisPoints: 8_000, trigger: 'acceptance' },
        { shareBasisPoints: 1_999, trigger: 'final_report_approved' },
      ]),
    ).toEqual({ code: 'SCHEDULE_SUM_NOT_100', sumBasisPoints: 9_999 });
  });

  it('refuses an empty schedule, a zero or fractional share and an unknown trigger', () => {
    expect(scheduleProblem([])).toEqual({ code: 'SCHEDULE_EMPTY' });
    expect(scheduleProblem([{ shareBasisPoints: 0, trigger: 'acceptance' }])).toEqual({
      code: 'SCHEDULE_SHARE_INVALID',
      index: 0,
    });
    expect(scheduleProblem([{ shareBasisPoints: 10_000.5, trigger: 'acceptance' }])?.code).toBe(
      'SCHEDULE_SHARE_INVALID',
    );
    expect(scheduleProblem([{ shareBasisPoints: 10_000, trigger: 'signature' }])).toEqual({
      code: 'SCHEDULE_TRIGGER_INVALID',
      index: 0,
    });
  });
});

describe('trancheAmounts', () => {
  it('splits 28 000,00 euro 80/20 exactly', () => {
    expect(trancheAmounts(2_800_000, DEFAULT_SCHEDULE).map((t) => t.amountCents)).toEqual([2_240_000, 560_000]);
  });

  it('rounds every tranche but the last down; the last takes the remainder', () => {
    // 100,01 euro in thirds: 10 001 x 33,33 % = 3 333,3 cents, rounded down twice; the last gets 3 335.
    expect(trancheAmounts(10_001, thirds).map((t) => t.amountCents)).toEqual([3_333, 3_333, 3_335]);
    expect(trancheAmounts(1, DEFAULT_SCHEDULE).map((t) => t.amountCents)).toEqual([0, 1]);
  });

  it('always adds up to the granted amount, whatever the amount', () => {
    for (const granted of [0, 1, 7, 99, 12_345_67, 9_999_999, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER]) {
      const sum = trancheAmounts(granted, thirds).reduce((total, t) => total + t.amountCents, 0);
      expect(sum).toBe(granted);
    }
  });

  it('orders the tranches by position, whatever order they came in', () => {
    const reversed = [...DEFAULT_SCHEDULE].reverse();
    expect(trancheAmounts(1_000, reversed).map((t) => [t.position, t.amountCents])).toEqual([
      [1, 800],
      [2, 200],
    ]);
  });

  it('refuses a negative or fractional granted amount', () => {
    expect(() => trancheAmounts(-1, DEFAULT_SCHEDULE)).toThrow(RangeError);
    expect(() => trancheAmounts(1.5, DEFAULT_SCHEDULE)).toThrow(RangeError);
  });
});

describe('dueTranches', () => {
  const now = new Date('2027-01-10T10:00:00Z');
  const before = new Date('2027-01-01T10:00:00Z');
  const after = new Date('2027-02-01T10:00:00Z');

  it('makes nothing due before the acceptance', () => {
    expect(dueTranches(thirds, NO_TRANCHE_EVENTS, now)).toEqual([]);
    // Even an approved final report pays nothing to an organisation that did not accept.
    expect(dueTranches(thirds, { ...NO_TRANCHE_EVENTS, finalApprovedAt: before }, now)).toEqual([]);
  });

  it('makes the advance due on acceptance, the balance only once the final report is approved', () => {
    const accepted = { ...NO_TRANCHE_EVENTS, acceptedAt: before };
    expect(dueTranches(DEFAULT_SCHEDULE, accepted, now).map((t) => t.position)).toEqual([1]);
    expect(dueTranches(DEFAULT_SCHEDULE, { ...accepted, finalApprovedAt: before }, now).map((t) => t.position)).toEqual(
      [1, 2],
    );
  });

  it('ignores events after now', () => {
    expect(dueTranches(thirds, { ...NO_TRANCHE_EVENTS, acceptedAt: after }, now)).toEqual([]);
    const events = { acceptedAt: before, interimApprovedAt: before, finalApprovedAt: after };
    expect(dueTranches(thirds, events, now).map((t) => t.trigger)).toEqual(['acceptance', 'interim_report_approved']);
  });
});

describe('sepaText', () => {
  it('keeps the SEPA Latin set, drops accents and bounds the length', () => {
    expect(sepaText('Kinderen & jongeren – Liège "Ελλάδα"', 140)).toBe('Kinderen jongeren Liege');
    expect(sepaText('a'.repeat(50), 35)).toHaveLength(35);
  });
});

describe('trancheLabel', () => {
  it('names the tranche, its share and its trigger', () => {
    expect(trancheLabel(DEFAULT_SCHEDULE[0], 'nl')).toBe('schijf 1 (80 %) na de aanvaarding van de beslissing');
    expect(trancheLabel(thirds[0], 'en')).toBe('tranche 1 (33.33%) after the acceptance of the decision');
  });
});
