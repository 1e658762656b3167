import { acceptedCosts, reportBalanceCents, reportSubmissionIssues } from './report-rules';

describe('report rules', () => {
  const complete = {
    narrative: 'Twaalf buurtactiviteiten met 140 kinderen.',
    indicators: [{ code: 'REACH', label: 'Bereik', planned: 120, realised: 140 }],
    costLines: [{ description: 'Begeleiders', category: 'personnel', amountCents: 2_000_000 }],
  };

  it('a complete report has no issues; each missing part names its field', () => {
    expect(reportSubmissionIssues(complete)).toEqual([]);
    const fields = reportSubmissionIssues({
      narrative: 'kort',
      indicators: [{ code: 'REACH', label: 'Bereik', planned: 120, realised: null }],
      costLines: [{ description: ' ', category: 'other', amountCents: 0 }],
    }).map((i) => i.field);
    expect(fields).toEqual([
      'narrative',
      'indicators.0.realised',
      'costLines.0.description',
      'costLines.0.amountCents',
    ]);
    expect(reportSubmissionIssues({ ...complete, costLines: [] }).map((i) => i.field)).toEqual(['costLines']);
  });

  it('accepted costs: per line, in total or everything reported; never more than reported', () => {
    const lines = [{ amountCents: 1000 }, { amountCents: 500 }];
    expect(acceptedCosts(lines, {})).toEqual({ totalCents: 1500, perLine: null });
    expect(acceptedCosts(lines, { acceptedTotalCents: 1200 })).toEqual({ totalCents: 1200, perLine: null });
    expect(acceptedCosts(lines, { acceptedLineCents: [800, 500] })).toEqual({ totalCents: 1300, perLine: [800, 500] });
    expect(acceptedCosts(lines, { acceptedTotalCents: 1501 })).toBeNull();
    expect(acceptedCosts(lines, { acceptedLineCents: [1001, 0] })).toBeNull();
    expect(acceptedCosts(lines, { acceptedLineCents: [1000] })).toBeNull();
    expect(acceptedCosts(lines, { acceptedLineCents: [1, 1], acceptedTotalCents: 2 })).toBeNull();
  });

  it('the balance: granted x min(1, accepted / planned) - paid, rounded down', () => {
    expect(
      reportBalanceCents({
        grantedCents: 6_000_000,
        acceptedCostsCents: 7_500_000,
        plannedCostsCents: 10_000_000,
        paidCents: 3_000_000,
      }),
    ).toBe(1_500_000);
    expect(
      reportBalanceCents({
        grantedCents: 6_000_000,
        acceptedCostsCents: 12_000_000,
        plannedCostsCents: 10_000_000,
        paidCents: 0,
      }),
    ).toBe(6_000_000);
    expect(reportBalanceCents({ grantedCents: 100, acceptedCostsCents: 1, plannedCostsCents: 3, paidCents: 0 })).toBe(
      33,
    );
    expect(
      reportBalanceCents({
        grantedCents: 6_000_000,
        acceptedCostsCents: 1_000_000,
        plannedCostsCents: 10_000_000,
        paidCents: 3_000_000,
      }),
    ).toBe(-2_400_000);
  });
});
