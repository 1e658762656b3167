import { cappedTranches, entitledCents, recoveryDueOn, recoveryOpenCents, settle } from './settlement';

describe('settlement after the final report', () => {
  it('accepted costs at or above the planned costs: the full grant is the entitlement', () => {
    expect(entitledCents({ grantedCents: 2_800_000, plannedCostsCents: 4_000_000, acceptedCostsCents: 4_000_000 })).toBe(
      2_800_000,
    );
    expect(entitledCents({ grantedCents: 2_800_000, plannedCostsCents: 4_000_000, acceptedCostsCents: 5_000_000 })).toBe(
      2_800_000,
    );
  });

  it('lower accepted costs lower the entitlement in proportion, rounded down to the cent', () => {
    // 28 000.00 x 30 000.00 / 40 000.00 = 21 000.00 exactly
    expect(entitledCents({ grantedCents: 2_800_000, plannedCostsCents: 4_000_000, acceptedCostsCents: 3_000_000 })).toBe(
      2_100_000,
    );
    // 100.01 x 1 / 3 = 33.336666.. -> 33.33 (3 333 cents, not 3 334)
    expect(entitledCents({ grantedCents: 10_001, plannedCostsCents: 3, acceptedCostsCents: 1 })).toBe(3_333);
  });

  it('no planned costs keeps the full grant; zero accepted costs entitle to nothing', () => {
    expect(entitledCents({ grantedCents: 500, plannedCostsCents: 0, acceptedCostsCents: 0 })).toBe(500);
    expect(entitledCents({ grantedCents: 500, plannedCostsCents: 100, acceptedCostsCents: 0 })).toBe(0);
  });

  it('stays exact for large amounts (BigInt)', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(entitledCents({ grantedCents: big, plannedCostsCents: big, acceptedCostsCents: big - 1 })).toBe(big - 1);
  });

  it('the balance is entitled minus paid: negative means a recovery', () => {
    const advancePaid = settle({
      grantedCents: 2_800_000,
      plannedCostsCents: 4_000_000,
      acceptedCostsCents: 2_000_000,
      paidCents: 2_240_000,
    });
    expect(advancePaid).toMatchObject({ entitledCents: 1_400_000, balanceCents: -840_000 });
    expect(
      settle({ grantedCents: 2_800_000, plannedCostsCents: 4_000_000, acceptedCostsCents: 3_800_000, paidCents: 2_240_000 }),
    ).toMatchObject({ entitledCents: 2_660_000, balanceCents: 420_000 });
  });

  it('refuses fractions and negative amounts', () => {
    expect(() => settle({ grantedCents: 1.5, plannedCostsCents: 1, acceptedCostsCents: 1, paidCents: 0 })).toThrow(
      RangeError,
    );
    expect(() => settle({ grantedCents: 1, plannedCostsCents: 1, acceptedCostsCents: 1, paidCents: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('tranches after a settlement', () => {
  const tranches = [
    { position: 2, amountCents: 300 },
    { position: 3, amountCents: 200 },
  ];

  it('hands the open balance to the unpaid tranches in order, each at most its amount', () => {
    expect(cappedTranches(tranches, 420)).toEqual([
      { position: 2, amountCents: 300 },
      { position: 3, amountCents: 120 },
    ]);
    expect(cappedTranches(tranches, 100)).toEqual([{ position: 2, amountCents: 100 }]);
    expect(cappedTranches(tranches, 10_000)).toEqual(tranches);
  });

  it('nothing open: nothing due', () => {
    expect(cappedTranches(tranches, 0)).toEqual([]);
    expect(cappedTranches(tranches, -50)).toEqual([]);
  });
});

describe('recovery', () => {
  it('open amount never below zero', () => {
    expect(recoveryOpenCents(840_000, 300_000)).toBe(540_000);
    expect(recoveryOpenCents(840_000, 840_000)).toBe(0);
  });

  it('due date: calendar days after, across months and years', () => {
    expect(recoveryDueOn('2026-12-02', 30)).toBe('2027-01-01');
    expect(recoveryDueOn('2028-02-15', 14)).toBe('2028-02-29');
  });
});
