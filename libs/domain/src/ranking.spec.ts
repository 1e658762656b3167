import fc from 'fast-check';
import {
  rankDossiers,
  RankingInputError,
  rankingIssues,
  scoreIssue,
  type RankedDossier,
  type RankingCriterion,
  type RankingDossier,
  type RankingTieBreakStep,
} from './ranking';

/** The 2020 call "Connecteren": five criteria on a 0-5 scale, weights 3-3-2-1-1 (maximum 50 points). */
const connecteren = [
  { code: 'TARGET', label: 'Bereik van de doelgroep', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 },
  { code: 'CONNECT', label: 'Verbinding', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 },
  { code: 'FEASIBLE', label: 'Haalbaarheid', scaleMin: 0, scaleMax: 5, weight: 2, threshold: 2.5 },
  { code: 'PARTNERS', label: 'Partners', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 0 },
  { code: 'BUDGET', label: 'Begroting', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 2 },
];
const tieBreak: RankingTieBreakStep[] = ['criteria-in-order', 'earlier-submission'];

function dossier(
  reference: string,
  scores: [number, number, number, number, number] | Record<string, number>,
  submittedAt = '2020-05-20T10:00:00.000Z',
): RankingDossier {
  return {
    dossierId: `id-${reference}`,
    reference,
    submittedAt,
    requestedCents: 10_000_000,
    scores: Array.isArray(scores)
      ? Object.fromEntries(connecteren.map((criterion, index) => [criterion.code, scores[index]]))
      : scores,
  };
}

const summary = (ranked: RankedDossier[]) =>
  ranked.map((item) => `${item.rank} ${item.reference} ${item.total} ${item.tieBrokenBy ?? '-'}`);

describe('scoreIssue', () => {
  const scale = { scaleMin: 0, scaleMax: 5 };

  it('accepts whole and half points within the scale, including both ends', () => {
    for (const value of [0, 0.5, 2.5, 3, 4.5, 5]) expect(scoreIssue(scale, value)).toBeNull();
  });

  it('says why a score cannot be used', () => {
    expect(scoreIssue(scale, -0.5)).toBe('below-scale');
    expect(scoreIssue(scale, 5.5)).toBe('above-scale');
    expect(scoreIssue(scale, 2.25)).toBe('not-half-point');
    expect(scoreIssue(scale, 3.1)).toBe('not-half-point');
    expect(scoreIssue(scale, Number.NaN)).toBe('not-a-number');
    expect(scoreIssue(scale, Number.POSITIVE_INFINITY)).toBe('not-a-number');
    expect(scoreIssue(scale, '3')).toBe('not-a-number');
  });
});

describe('rankDossiers (Connecteren 2020)', () => {
  it('ranks by weighted total, with insufficient and then incomplete dossiers after the sufficient ones', () => {
    const ranked = rankDossiers(connecteren, tieBreak, [
      dossier('CON-0003', [4, 4.5, 3, 2, 3]), // 12 + 13.5 + 6 + 2 + 3 = 36.5
      dossier('CON-0001', [2.5, 5, 5, 5, 5]), // 42.5, but TARGET 2.5 is below the threshold of 3
      dossier('CON-0004', { TARGET: 5, CONNECT: 5, FEASIBLE: 5, PARTNERS: 5 }), // BUDGET not scored yet
      dossier('CON-0002', [5, 5, 5, 5, 5]), // 50
      dossier('CON-0005', [4, 4, 4, 4, 4]), // 40
      dossier('CON-0006', [3, 3, 2, 0, 1.5]), // FEASIBLE 2 < 2.5 and BUDGET 1.5 < 2
    ]);
    expect(summary(ranked)).toEqual([
      '1 CON-0002 50 -',
      '2 CON-0005 40 -',
      '3 CON-0003 36.5 -',
      '4 CON-0001 42.5 -',
      '5 CON-0006 23.5 -',
      '6 CON-0004 45 -',
    ]);
    expect(ranked.map((item) => [item.sufficient, item.complete])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [false, true],
      [false, true],
      [false, false],
    ]);
    expect(ranked[3].failingCriteria).toEqual(['TARGET']);
    expect(ranked[4].failingCriteria).toEqual(['FEASIBLE', 'BUDGET']);
    expect(ranked[5].missingCriteria).toEqual(['BUDGET']);
    expect(ranked[0].totalUnits).toBe(100_000); // 50 points in units of 1/2000 point
    expect(ranked[0]).toMatchObject({ dossierId: 'id-CON-0002', requestedCents: 10_000_000 });
  });

  it('accepts the threshold itself (a score equal to the threshold is sufficient)', () => {
    const [ranked] = rankDossiers(connecteren, tieBreak, [dossier('CON-0001', [3, 3, 2.5, 0, 2])]);
    expect(ranked).toMatchObject({ sufficient: true, failingCriteria: [], total: 25 }); // 9 + 9 + 5 + 0 + 2
  });

  it('breaks equal totals on the criteria in call order, then on the earlier submission, then on the reference', () => {
    const ranked = rankDossiers(connecteren, tieBreak, [
      dossier('CON-0010', [3, 4, 4, 4, 4], '2020-05-20T09:00:00Z'), // 9 + 12 + 8 + 4 + 4 = 37, TARGET 3
      dossier('CON-0011', [4, 3, 4, 4, 4], '2020-05-21T09:00:00Z'), // 12 + 9 + 8 + 4 + 4 = 37, TARGET 4: first
      dossier('CON-0012', [4, 3, 4, 4, 4], '2020-05-21T08:00:00Z'), // same scores, submitted an hour earlier
      dossier('CON-0009', [4, 3, 4, 4, 4], '2020-05-21T08:00:00Z'), // same scores and moment: reference decides
    ]);
    expect(summary(ranked)).toEqual([
      '1 CON-0009 37 -',
      '2 CON-0012 37 reference',
      '3 CON-0011 37 earlier-submission',
      '4 CON-0010 37 criteria-in-order',
    ]);
  });

  it('applies the tie-break steps in the order the call gives them', () => {
    const input = [
      dossier('CON-0010', [3, 4, 4, 4, 4], '2020-05-20T09:00:00Z'),
      dossier('CON-0011', [4, 3, 4, 4, 4], '2020-05-21T09:00:00Z'),
    ];
    expect(summary(rankDossiers(connecteren, ['earlier-submission', 'criteria-in-order'], input))).toEqual([
      '1 CON-0010 37 -',
      '2 CON-0011 37 earlier-submission',
    ]);
    expect(summary(rankDossiers(connecteren, [], input))).toEqual(['1 CON-0010 37 -', '2 CON-0011 37 reference']);
  });

  it('compares submission moments as instants, whatever their offset, down to the microsecond', () => {
    const scores: [number, number, number, number, number] = [4, 4, 4, 4, 4];
    const ranked = rankDossiers(
      connecteren,
      ['earlier-submission'],
      [
        dossier('CON-0001', scores, '2020-05-22T21:30:00Z'),
        dossier('CON-0002', scores, '2020-05-22T23:00:00+02:00'), // 21:00Z: earlier, although later as text
        dossier('CON-0003', scores, '2020-05-22T20:59:59.999002Z'),
        dossier('CON-0004', scores, '2020-05-22T20:59:59.999001Z'),
      ],
    );
    expect(ranked.map((item) => item.reference)).toEqual(['CON-0004', 'CON-0003', 'CON-0002', 'CON-0001']);
  });

  it('reads submission moments strictly: seconds and a zone are required, the date must exist', () => {
    const moments = [
      '2020-02-29T10:00:00Z', // leap day
      '2021-02-29T10:00:00Z',
      '2020-05-20T24:00:00Z',
      '2020-05-20T10:00Z',
      '2020-05-20T10:00:00.Z',
      '2020-05-20T10:00:00.1234567890Z',
      '2020-05-20T10:00:00+0200',
      '2020-05-20 10:00:00Z',
      '2020-05-20T10:00:00z',
      '2020-05-20T10:00:00.123456789-01:30', // up to nanoseconds, any offset
    ];
    const input = moments.map((moment, index) => dossier(`CON-${index}`, [4, 4, 4, 4, 4], moment));
    expect(rankingIssues(connecteren, tieBreak, input).map((item) => item.field)).toEqual([
      'dossiers.1.submittedAt',
      'dossiers.2.submittedAt',
      'dossiers.3.submittedAt',
      'dossiers.4.submittedAt',
      'dossiers.5.submittedAt',
      'dossiers.6.submittedAt',
      'dossiers.7.submittedAt',
      'dossiers.8.submittedAt',
    ]);
  });

  it('ranks on exact totals where floating point would not', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floating point, so a float sum would put B (0.8) first.
    const criteria: RankingCriterion[] = [
      { code: 'X', scaleMin: 0, scaleMax: 5, weight: 0.7, threshold: 0 },
      { code: 'Y', scaleMin: 0, scaleMax: 5, weight: 0.1, threshold: 0 },
      { code: 'Z', scaleMin: 0, scaleMax: 5, weight: 0.8, threshold: 0 },
    ];
    const ranked = rankDossiers(
      criteria,
      ['criteria-in-order'],
      [dossier('B', { X: 0, Y: 0, Z: 1 }), dossier('A', { X: 1, Y: 1, Z: 0 })],
    );
    expect(ranked.map((item) => [item.reference, item.totalUnits, item.total, item.tieBrokenBy])).toEqual([
      ['A', 1600, 0.8, null],
      ['B', 1600, 0.8, 'criteria-in-order'],
    ]);
  });

  it('shows the total with at most 3 decimals, rounded half up, and compares the exact units', () => {
    const criteria: RankingCriterion[] = [{ code: 'X', scaleMin: 0, scaleMax: 10, weight: 0.333, threshold: 0 }];
    const ranked = rankDossiers(criteria, [], [dossier('A', { X: 2.5 }), dossier('B', { X: 0.5 })]);
    // 0.333 x 2.5 = 0.8325 -> 0.833; 0.333 x 0.5 = 0.1665 -> 0.167
    expect(ranked.map((item) => [item.totalUnits, item.total])).toEqual([
      [1665, 0.833],
      [333, 0.167],
    ]);
  });

  it('orders incomplete dossiers provisionally, a missing score counting as lower than any score', () => {
    const ranked = rankDossiers(
      connecteren,
      ['criteria-in-order'],
      [
        dossier('CON-0001', { CONNECT: 0, FEASIBLE: 4, PARTNERS: 4, BUDGET: 4 }), // TARGET missing: 8 + 4 + 4 = 16
        dossier('CON-0002', { TARGET: 0, FEASIBLE: 4, PARTNERS: 4, BUDGET: 4 }), // CONNECT missing: 16
      ],
    );
    expect(summary(ranked)).toEqual(['1 CON-0002 16 -', '2 CON-0001 16 criteria-in-order']);
    expect(ranked.map((item) => item.missingCriteria)).toEqual([['CONNECT'], ['TARGET']]);
  });

  it('ignores scores for criteria the call does not have', () => {
    const [ranked] = rankDossiers(connecteren, tieBreak, [
      dossier('CON-0001', { TARGET: 4, CONNECT: 4, FEASIBLE: 4, PARTNERS: 4, BUDGET: 4, EXTRA: 99 }),
    ]);
    expect(ranked).toMatchObject({ total: 40, complete: true, sufficient: true });
  });

  it('reads only the own scores of a dossier, whatever the criterion codes', () => {
    const criteria: RankingCriterion[] = [
      { code: 'constructor', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 0 },
      { code: 'toString', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 0 },
    ];
    const ranked = rankDossiers(
      criteria,
      [],
      [dossier('A', { toString: 3 }), dossier('B', { constructor: 1, toString: 1 })],
    );
    expect(ranked.map((item) => [item.reference, item.complete, item.missingCriteria, item.total])).toEqual([
      ['B', true, [], 2],
      ['A', false, ['constructor'], 3],
    ]);
  });

  it('returns an empty ranking for a call without dossiers', () => {
    expect(rankDossiers(connecteren, tieBreak, [])).toEqual([]);
  });

  it('refuses to rank invalid scores, duplicate references and moments without a time zone', () => {
    const input = [
      dossier('CON-0001', [5.5, 4, 4, 4, 4]),
      dossier('CON-0002', [4, 4, 3.25, 4, 4]),
      dossier('CON-0002', [4, 4, 4, 4, 4]),
      dossier('CON-0003', [4, 4, 4, 4, 4], '2020-05-20T10:00:00'),
      dossier('CON-0004', [4, 4, 4, 4, 4], '2020-02-30T10:00:00Z'),
    ];
    expect(rankingIssues(connecteren, tieBreak, input).map((item) => `${item.field}:${item.code}`)).toEqual([
      'dossiers.0.scores.TARGET:above-scale',
      'dossiers.1.scores.FEASIBLE:not-half-point',
      'dossiers.2.dossierId:duplicateDossier',
      'dossiers.2.reference:duplicateReference',
      'dossiers.3.submittedAt:invalidInstant',
      'dossiers.4.submittedAt:invalidInstant',
    ]);
    expect(() => rankDossiers(connecteren, tieBreak, input)).toThrow(RankingInputError);
  });

  it('refuses invalid criteria and unknown tie-break steps', () => {
    const issues = rankingIssues(
      [
        { code: 'A', scaleMin: 0, scaleMax: 5, weight: 0.0004, threshold: 0 },
        { code: 'A', scaleMin: 5, scaleMax: 5, weight: 1, threshold: 0 },
      ],
      ['coin-toss' as RankingTieBreakStep],
      [],
    );
    expect(issues.map((item) => `${item.field}:${item.code}`)).toEqual([
      'criteria.0.weight:positive',
      'criteria.1.code:duplicateCode',
      'criteria.1.scaleMax:scaleBounds',
      'tieBreak.0:unknownStep',
    ]);
    expect(rankingIssues([], [], []).map((item) => item.code)).toEqual(['required']);
  });
});

describe('rankDossiers at scale', () => {
  it('ranks 100,000 dossiers of 5 criteria into a total order', () => {
    let seed = 2020;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const input: RankingDossier[] = [];
    for (let i = 0; i < 100_000; i++) {
      const scores: Record<string, number> = {};
      for (const criterion of connecteren) scores[criterion.code] = Math.floor(next() * 11) / 2;
      input.push({
        dossierId: `id-${i}`,
        reference: `CON-${String(i).padStart(6, '0')}`,
        submittedAt: new Date(Date.UTC(2020, 4, 11) + Math.floor(next() * 1_000_000) * 1000).toISOString(),
        requestedCents: 10_000_000,
        scores,
      });
    }
    const ranked = rankDossiers(connecteren, tieBreak, input);
    expect(ranked).toHaveLength(100_000);
    expect(new Set(ranked.map((item) => item.dossierId)).size).toBe(100_000);
    const outOfOrder = ranked.filter((current, i) => {
      const previous = ranked[i - 1];
      if (!previous) return false;
      return previous.sufficient === current.sufficient
        ? previous.totalUnits < current.totalUnits
        : !previous.sufficient;
    });
    expect(outOfOrder).toEqual([]);
    expect(ranked.filter((item) => item.sufficient).length).toBeGreaterThan(0);
    expect(ranked.filter((item) => !item.sufficient).length).toBeGreaterThan(0);
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

interface Scenario {
  /** Weights as integer thousandths and scores as integer half points, so the test can compute totals exactly. */
  criteria: Array<{ code: string; weightThousandths: number; maxHalves: number; thresholdHalves: number }>;
  tieBreak: RankingTieBreakStep[];
  dossiers: Array<{ halves: Array<number | null>; moment: number }>;
}

// Few distinct values on purpose: equal totals and equal moments must be common.
const MOMENTS = ['2020-05-20T10:00:00Z', '2020-05-20T12:00:00+02:00', '2020-05-20T10:00:00.5Z', '2020-05-21T08:00:00Z'];
const MOMENT_ORDER = [0, 0, 500, 79_200_000]; // milliseconds after the first moment

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .array(
    fc.record({
      weightThousandths: fc.constantFrom(1, 100, 500, 1000, 2000, 3000, 333, 1234),
      maxHalves: fc.constantFrom(2, 6, 10),
      thresholdFraction: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .chain((raw) => {
    const criteria = raw.map((criterion, index) => ({
      code: `C${index}`,
      weightThousandths: criterion.weightThousandths,
      maxHalves: criterion.maxHalves,
      thresholdHalves: Math.floor((criterion.maxHalves * criterion.thresholdFraction) / 200),
    }));
    const halves = criteria.map((criterion) =>
      fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: 0, max: criterion.maxHalves }) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
    );
    return fc.record({
      criteria: fc.constant(criteria),
      tieBreak: fc
        .subarray<RankingTieBreakStep>(['criteria-in-order', 'earlier-submission'])
        .chain((steps) => fc.shuffledSubarray(steps, { minLength: steps.length })),
      dossiers: fc.array(fc.record({ halves: fc.tuple(...halves), moment: fc.integer({ min: 0, max: 3 }) }), {
        maxLength: 40,
        size: 'medium',
      }),
    });
  });

function toInput(scenario: Scenario): [RankingCriterion[], RankingTieBreakStep[], RankingDossier[]] {
  const criteria = scenario.criteria.map((criterion) => ({
    code: criterion.code,
    scaleMin: 0,
    scaleMax: criterion.maxHalves / 2,
    weight: criterion.weightThousandths / 1000,
    threshold: criterion.thresholdHalves / 2,
  }));
  const dossiers = scenario.dossiers.map((item, index) => {
    const scores: Record<string, number> = {};
    item.halves.forEach((half, c) => {
      if (half !== null) scores[`C${c}`] = half / 2;
    });
    return {
      dossierId: `id-${index}`,
      reference: `REF-${String((index * 7919) % 1000).padStart(3, '0')}-${index}`,
      submittedAt: MOMENTS[item.moment],
      requestedCents: 1_000_000 + index,
      scores,
    };
  });
  return [criteria, scenario.tieBreak, dossiers];
}

describe('rankDossiers properties', () => {
  it('orders equal scores by the submission instant, whatever offset or precision the moment is written in', () => {
    const instant = fc.record({
      at: fc.date({
        min: new Date('1999-01-01T00:00:00Z'),
        max: new Date('2101-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      offsetMinutes: fc.integer({ min: -14 * 60, max: 14 * 60 }),
      extraDigits: fc.constantFrom('', '000', '999999'),
    });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 30 }), (moments) => {
        const written = moments.map(({ at, offsetMinutes, extraDigits }) => {
          // The same instant as wall-clock time at the given offset, e.g. 2020-05-22T23:59:59.123456+02:00.
          const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
          const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
          return offsetMinutes === 0 && extraDigits === ''
            ? at.toISOString()
            : `${local}${extraDigits}${sign}${hours}:${minutes}`;
        });
        const input = written.map((moment, index) =>
          dossier(`R-${String(index).padStart(2, '0')}`, [4, 4, 4, 4, 4], moment),
        );
        const ranked = rankDossiers(connecteren, ['earlier-submission'], input);
        const nanos = (index: number) =>
          BigInt(moments[index].at.getTime()) * 1_000_000n + BigInt(moments[index].extraDigits.padEnd(6, '0'));
        const expected = input
          .map((_, index) => index)
          .sort((a, b) => (nanos(a) < nanos(b) ? -1 : nanos(a) > nanos(b) ? 1 : a - b))
          .map((index) => input[index].reference);
        expect(ranked.map((item) => item.reference)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same ranking whatever the order of the input (and of the score keys)', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary.chain((scenario) => {
          const [, , dossiers] = toInput(scenario);
          return fc.tuple(fc.constant(scenario), fc.shuffledSubarray(dossiers, { minLength: dossiers.length }));
        }),
        ([scenario, shuffled]) => {
          const [criteria, steps, dossiers] = toInput(scenario);
          const reversedKeys = shuffled.map((item) => ({
            ...item,
            scores: Object.fromEntries(Object.entries(item.scores).reverse()),
          }));
          const expected = rankDossiers(criteria, steps, dossiers);
          expect(rankDossiers(criteria, steps, reversedKeys)).toEqual(expected);
          expect(rankDossiers(criteria, steps, dossiers)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('orders by group, exact total, the tie-break steps and the reference, and says which step decided', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const [criteria, steps, dossiers] = toInput(scenario);
        const ranked = rankDossiers(criteria, steps, dossiers);
        const byId = new Map(scenario.dossiers.map((item, index) => [`id-${index}`, item]));
        const facts = ranked.map((item) => {
          const source = byId.get(item.dossierId)!;
          const missing = scenario.criteria.filter((_, c) => source.halves[c] === null).map((c) => c.code);
          const failing = scenario.criteria
            .filter((c, index) => source.halves[index] !== null && source.halves[index] < c.thresholdHalves)
            .map((c) => c.code);
          const units = scenario.criteria.reduce(
            (sum, c, index) => sum + c.weightThousandths * (source.halves[index] ?? 0),
            0,
          );
          const group = missing.length > 0 ? 2 : failing.length > 0 ? 1 : 0;
          return { item, source, missing, failing, units, group };
        });
        expect(ranked.map((item) => item.rank)).toEqual(ranked.map((_, index) => index + 1));
        for (const fact of facts) {
          expect(fact.item.totalUnits).toBe(fact.units);
          expect(Math.abs(fact.item.total - fact.units / 2000)).toBeLessThanOrEqual(0.0005 + 1e-12);
          expect(fact.item.missingCriteria).toEqual(fact.missing);
          expect(fact.item.failingCriteria).toEqual(fact.failing);
          expect(fact.item.sufficient).toBe(fact.group === 0);
          expect(fact.item.complete).toBe(fact.group !== 2);
        }
        expect(ranked[0]?.tieBrokenBy ?? null).toBeNull();
        for (let i = 1; i < facts.length; i++) {
          const [a, b] = [facts[i - 1], facts[i]];
          expect(a.group).toBeLessThanOrEqual(b.group);
          if (a.group !== b.group || a.units !== b.units) {
            if (a.group === b.group) expect(a.units).toBeGreaterThan(b.units);
            expect(b.item.tieBrokenBy).toBeNull();
            continue;
          }
          // Equal totals: replay the steps to find the one that decides, and check it went the right way.
          let decided: string | null = null;
          for (const step of steps) {
            if (step === 'criteria-in-order') {
              const c = a.source.halves.findIndex((half, index) => half !== b.source.halves[index]);
              if (c >= 0) {
                expect(a.source.halves[c] ?? -1).toBeGreaterThan(b.source.halves[c] ?? -1);
                decided = step;
                break;
              }
            } else if (MOMENT_ORDER[a.source.moment] !== MOMENT_ORDER[b.source.moment]) {
              expect(MOMENT_ORDER[a.source.moment]).toBeLessThan(MOMENT_ORDER[b.source.moment]);
              decided = step;
              break;
            }
          }
          if (decided === null) {
            expect(a.item.reference < b.item.reference).toBe(true);
            decided = 'reference';
          }
          expect(b.item.tieBrokenBy).toBe(decided);
        }
      }),
      { numRuns: 200 },
    );
  });
});
