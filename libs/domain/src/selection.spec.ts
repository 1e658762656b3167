import fc from 'fast-check';
import { rankDossiers, type RankingDossier, type RankingTieBreakStep } from './ranking';
import {
  selectionIssues,
  selectionProposal,
  SelectionInputError,
  type SelectionDossier,
  type SelectionInput,
  type SelectionLine,
  type SelectionProposal,
} from './selection';

/** The 2020 call "Connecteren": EUR 2,125,000 in total, at most EUR 100,000 per dossier. */
const BUDGET = 212_500_000;
const CAP = 10_000_000;
const EUR = 100;

const connecteren = [
  { code: 'TARGET', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 },
  { code: 'CONNECT', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 },
  { code: 'FEASIBLE', scaleMin: 0, scaleMax: 5, weight: 2, threshold: 2.5 },
  { code: 'PARTNERS', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 0 },
  { code: 'BUDGET', scaleMin: 0, scaleMax: 5, weight: 1, threshold: 2 },
];
const tieBreak: RankingTieBreakStep[] = ['criteria-in-order', 'earlier-submission'];

/** Sufficient dossiers in rank order asking the given amounts (in cents). */
function ranked(amounts: number[], extra: Partial<SelectionDossier> = {}): SelectionDossier[] {
  return amounts.map((requestedCents, index) => ({
    dossierId: `D${String(index + 1).padStart(2, '0')}`,
    rank: index + 1,
    complete: true,
    sufficient: true,
    requestedCents,
    ...extra,
  }));
}

const brief = (lines: SelectionLine[]) =>
  lines.map(
    (line) =>
      `${line.rank} ${line.outcome} ${line.grantedCents / EUR} ${line.reason}${line.reservePosition ? ` R${line.reservePosition}` : ''}`,
  );

const codes = (input: SelectionInput) => selectionIssues(input).map((item) => `${item.field}:${item.code}`);

describe('selectionProposal: the margin of the Connecteren budget', () => {
  // 21 x EUR 100,000 = EUR 2,100,000, leaving EUR 25,000 for the 22nd dossier onwards.
  const amounts = [...Array.from({ length: 21 }, () => CAP), 100_000 * EUR, 30_000 * EUR, 20_000 * EUR, 100_000 * EUR];

  it('skip: passes the dossiers that do not fit and funds a smaller, lower-ranked one that does', () => {
    const proposal = selectionProposal({ dossiers: ranked(amounts), budgetCents: BUDGET, marginRule: 'skip' });
    expect(brief(proposal.lines.slice(20))).toEqual([
      '21 selected 100000 within-budget',
      '22 reserve 0 does-not-fit R1',
      '23 reserve 0 does-not-fit R2',
      '24 selected 20000 within-budget',
      '25 reserve 0 does-not-fit R3',
    ]);
    expect(proposal.lines.slice(0, 20).every((line) => line.reason === 'within-budget')).toBe(true);
    expect(proposal).toMatchObject({
      budgetCents: 212_500_000,
      grantedCents: 212_000_000,
      remainingCents: 500_000,
      envelopes: [],
    });
  });

  it('partial: funds the remaining EUR 25,000 for the 22nd dossier and stops', () => {
    const proposal = selectionProposal({ dossiers: ranked(amounts), budgetCents: BUDGET, marginRule: 'partial' });
    expect(brief(proposal.lines.slice(20))).toEqual([
      '21 selected 100000 within-budget',
      '22 selected 25000 partial-at-margin',
      '23 reserve 0 budget-exhausted R1',
      '24 reserve 0 budget-exhausted R2',
      '25 reserve 0 budget-exhausted R3',
    ]);
    expect(proposal).toMatchObject({ grantedCents: BUDGET, remainingCents: 0 });
  });

  it('skip: once the budget is used exactly, the rest is budget-exhausted', () => {
    const proposal = selectionProposal({
      dossiers: ranked([...Array.from({ length: 21 }, () => CAP), 25_000 * EUR, 1 * EUR]),
      budgetCents: BUDGET,
      marginRule: 'skip',
    });
    expect(brief(proposal.lines.slice(21))).toEqual([
      '22 selected 25000 within-budget',
      '23 reserve 0 budget-exhausted R1',
    ]);
  });

  it('grants the adjusted amount instead of the requested one, which can make room for the next dossier', () => {
    const dossiers = ranked(amounts);
    dossiers[0] = { ...dossiers[0], adjustedCents: 80_000 * EUR };
    const proposal = selectionProposal({ dossiers, budgetCents: BUDGET, marginRule: 'skip' });
    expect(proposal.lines[0]).toMatchObject({ grantedCents: 8_000_000, reason: 'within-budget' });
    // EUR 45,000 left at the 22nd: it still does not fit, the EUR 30,000 dossier now does.
    expect(brief(proposal.lines.slice(21))).toEqual([
      '22 reserve 0 does-not-fit R1',
      '23 selected 30000 within-budget',
      '24 reserve 0 does-not-fit R2',
      '25 reserve 0 does-not-fit R3',
    ]);
    expect(proposal.remainingCents).toBe(1_500_000);
  });

  it('limits the reserve list to reserveSize; the others are rejected with the same reason', () => {
    const proposal = selectionProposal({
      dossiers: ranked(amounts),
      budgetCents: BUDGET,
      marginRule: 'skip',
      reserveSize: 2,
    });
    expect(brief(proposal.lines.slice(21))).toEqual([
      '22 reserve 0 does-not-fit R1',
      '23 reserve 0 does-not-fit R2',
      '24 selected 20000 within-budget',
      '25 rejected 0 does-not-fit',
    ]);
  });

  it('never selects insufficient or incomplete dossiers, and keeps them off the reserve list', () => {
    const dossiers = ranked([CAP, CAP, CAP, CAP]);
    dossiers[2] = { ...dossiers[2], sufficient: false };
    dossiers[3] = { ...dossiers[3], sufficient: false, complete: false };
    const proposal = selectionProposal({ dossiers, budgetCents: BUDGET, marginRule: 'partial' });
    expect(brief(proposal.lines)).toEqual([
      '1 selected 100000 within-budget',
      '2 selected 100000 within-budget',
      '3 rejected 0 insufficient',
      '4 rejected 0 incomplete',
    ]);
  });

  it('walks the ranks in order whatever the order of the input', () => {
    const dossiers = ranked(amounts);
    const proposal = selectionProposal({ dossiers: [...dossiers].reverse(), budgetCents: BUDGET, marginRule: 'skip' });
    expect(proposal).toEqual(selectionProposal({ dossiers, budgetCents: BUDGET, marginRule: 'skip' }));
    expect(proposal.lines.map((line) => line.rank)).toEqual(dossiers.map((item) => item.rank));
  });
});

describe('selectionProposal: 80 ranked Connecteren dossiers', () => {
  // A fixed pseudo-random jury (same every run): scores in half points, amounts in whole euros, EUR 25,000 to the cap.
  let seed = 2020;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * n);
  };
  const input: RankingDossier[] = Array.from({ length: 80 }, (_, i) => ({
    dossierId: `dossier-${i + 1}`,
    reference: `GV-CONNECT-2020-${String(i + 1).padStart(4, '0')}`,
    submittedAt: new Date(Date.UTC(2020, 4, 11, 7) + next(11 * 24 * 3600) * 1000).toISOString(),
    requestedCents: (25_000 + next(75_001)) * EUR,
    // 2.5 to 5 with 5 twice as likely; a 2.5 on TARGET or CONNECT is below their threshold of 3.
    scores: Object.fromEntries(connecteren.map((criterion) => [criterion.code, Math.min(5, 2.5 + next(7) / 2)])),
  }));
  const ranking = rankDossiers(connecteren, tieBreak, input);
  const fundable = ranking.filter((item) => item.sufficient);
  const amountOf = new Map(ranking.map((item) => [item.dossierId, item.requestedCents]));

  it('has more sufficient demand than budget (otherwise the example would prove nothing)', () => {
    expect(fundable.length).toBeGreaterThan(20);
    expect(fundable.length).toBeLessThan(80);
    expect(fundable.reduce((sum, item) => sum + item.requestedCents, 0)).toBeGreaterThan(BUDGET);
  });

  it('skip: stops within budget, and no passed dossier would still have fitted', () => {
    const proposal = selectionProposal({ dossiers: ranking, budgetCents: BUDGET, marginRule: 'skip' });
    expect(proposal.grantedCents).toBeLessThanOrEqual(BUDGET);
    expect(proposal.grantedCents).toBe(proposal.lines.reduce((sum, line) => sum + line.grantedCents, 0));
    const selected = proposal.lines.filter((line) => line.outcome === 'selected');
    expect(selected.every((line) => line.grantedCents === amountOf.get(line.dossierId))).toBe(true);
    const passed = proposal.lines.filter((line) => line.outcome === 'reserve');
    expect(passed.length).toBeGreaterThan(0);
    expect(Math.min(...passed.map((line) => amountOf.get(line.dossierId)!))).toBeGreaterThan(proposal.remainingCents);
    // The selected ones start with the top of the ranking: the first sufficient dossiers all fit.
    expect(selected[0].rank).toBe(1);
    const rejected = proposal.lines.filter((line) => line.outcome === 'rejected');
    expect(rejected.map((line) => line.reason).every((reason) => reason === 'insufficient')).toBe(true);
    expect(rejected.length).toBe(80 - fundable.length);
  });

  it('partial: uses the budget to the cent, with exactly one partly funded dossier', () => {
    const proposal = selectionProposal({ dossiers: ranking, budgetCents: BUDGET, marginRule: 'partial' });
    expect(proposal.grantedCents).toBe(BUDGET);
    const selected = proposal.lines.filter((line) => line.outcome === 'selected');
    expect(selected.map((line) => line.dossierId)).toEqual(fundable.slice(0, selected.length).map((d) => d.dossierId));
    const partial = selected.filter((line) => line.reason === 'partial-at-margin');
    expect(partial).toHaveLength(1);
    expect(partial[0]).toBe(selected[selected.length - 1]);
    expect(partial[0].grantedCents).toBeLessThan(amountOf.get(partial[0].dossierId)!);
  });

  it('two envelopes: each dossier only uses the budget of its own envelope', () => {
    const envelopes = [
      { code: 'LOKAAL', budgetCents: 100_000_000 },
      { code: 'MIDDENVELD', budgetCents: 112_500_000 },
    ];
    const dossiers = ranking.map((item, index) => ({ ...item, envelope: index % 5 === 0 ? 'LOKAAL' : 'MIDDENVELD' }));
    const demand = (code: string) =>
      dossiers.filter((d) => d.envelope === code && d.sufficient).reduce((sum, d) => sum + d.requestedCents, 0);
    expect(demand('LOKAAL')).toBeLessThanOrEqual(100_000_000);
    expect(demand('MIDDENVELD')).toBeGreaterThan(112_500_000);
    const proposal = selectionProposal({ dossiers, budgetCents: BUDGET, marginRule: 'skip', envelopes });
    for (const envelope of proposal.envelopes) {
      const granted = proposal.lines
        .filter((line) => line.envelope === envelope.code)
        .reduce((sum, line) => sum + line.grantedCents, 0);
      expect(envelope.grantedCents).toBe(granted);
      expect(granted).toBeLessThanOrEqual(envelope.budgetCents);
      expect(envelope.remainingCents).toBe(envelope.budgetCents - granted);
    }
    // LOKAAL's sufficient demand fits its envelope, so none of them waits, although MIDDENVELD runs out.
    const lokaal = proposal.lines.filter((line) => line.envelope === 'LOKAAL');
    expect(lokaal.filter((line) => line.outcome === 'reserve')).toEqual([]);
    // MIDDENVELD's reserve list is its own: it starts at 1.
    expect(proposal.lines.find((line) => line.envelope === 'MIDDENVELD' && line.outcome === 'reserve')).toMatchObject({
      reservePosition: 1,
    });
    expect(proposal.grantedCents).toBe(proposal.envelopes[0].grantedCents + proposal.envelopes[1].grantedCents);
  });
});

describe('selectionProposal: overrides', () => {
  const dossiers = ranked([CAP, CAP, CAP, CAP]);

  it('an exclusion frees its budget for the next dossier; a selection takes its amount first', () => {
    const proposal = selectionProposal({
      dossiers,
      budgetCents: 20_000_000,
      marginRule: 'skip',
      overrides: [
        { dossierId: 'D01', decision: 'exclude', motivation: 'Dubbele financiering met een andere oproep.' },
        { dossierId: 'D04', decision: 'select', motivation: 'Enige aanvraag uit de regio Limburg.' },
      ],
    });
    expect(brief(proposal.lines)).toEqual([
      '1 rejected 0 override-exclude',
      '2 selected 100000 within-budget',
      '3 reserve 0 budget-exhausted R1',
      '4 selected 100000 override-select',
    ]);
    expect(proposal.grantedCents).toBe(20_000_000);
  });

  it('refuses an override without motivation', () => {
    const input: SelectionInput = {
      dossiers,
      budgetCents: BUDGET,
      marginRule: 'skip',
      overrides: [{ dossierId: 'D02', decision: 'exclude', motivation: '   ' }],
    };
    expect(codes(input)).toEqual(['overrides.0.motivation:motivationRequired']);
    expect(() => selectionProposal(input)).toThrow(SelectionInputError);
  });

  it('refuses selections beyond the budget, of insufficient dossiers and of unknown ones', () => {
    const overBudget: SelectionInput = {
      dossiers,
      budgetCents: 25_000_000,
      marginRule: 'skip',
      overrides: dossiers.map((item) => ({
        dossierId: item.dossierId,
        decision: 'select',
        motivation: 'Beleidskeuze',
      })),
    };
    expect(codes(overBudget)).toEqual(['overrides:overrideAboveBudget']);
    expect(() => selectionProposal(overBudget)).toThrow(SelectionInputError);
    expect(
      codes({
        dossiers: [...dossiers.slice(0, 3), { ...dossiers[3], sufficient: false }],
        budgetCents: BUDGET,
        marginRule: 'skip',
        overrides: [
          { dossierId: 'D04', decision: 'select', motivation: 'Beleidskeuze' },
          { dossierId: 'D99', decision: 'select', motivation: 'Beleidskeuze' },
          { dossierId: 'D04', decision: 'exclude', motivation: 'Toch niet' },
        ],
      }),
    ).toEqual([
      'overrides.0.decision:notFundable',
      'overrides.1.dossierId:unknownDossier',
      'overrides.2.dossierId:duplicateOverride',
    ]);
  });
});

describe('selectionIssues', () => {
  it('requires an envelope on every dossier when the call has envelopes', () => {
    const dossiers = ranked([CAP, CAP, CAP], { envelope: 'LOKAAL' });
    const input: SelectionInput = {
      dossiers: [dossiers[0], { ...dossiers[1], envelope: undefined }, { ...dossiers[2], envelope: 'ELDERS' }],
      budgetCents: BUDGET,
      marginRule: 'skip',
      envelopes: [{ code: 'LOKAAL', budgetCents: BUDGET }],
    };
    expect(codes(input)).toEqual(['dossiers.1.envelope:envelopeRequired', 'dossiers.2.envelope:unknownEnvelope']);
    expect(() => selectionProposal(input)).toThrow(SelectionInputError);
  });

  it('refuses envelopes above the call budget, and duplicate envelope codes', () => {
    expect(
      codes({
        dossiers: [],
        budgetCents: BUDGET,
        marginRule: 'skip',
        envelopes: [
          { code: 'A', budgetCents: 200_000_000 },
          { code: 'A', budgetCents: 12_500_001 },
        ],
      }),
    ).toEqual(['envelopes.1.code:duplicateCode', 'envelopes:envelopesAboveBudget']);
  });

  it('refuses an adjusted amount above the requested one, amounts that are not cents, and shared ranks', () => {
    const [first, second, third] = ranked([CAP, CAP, CAP]);
    expect(
      codes({
        dossiers: [
          { ...first, adjustedCents: CAP + 1 },
          { ...second, requestedCents: 12.5, rank: 1 },
          { ...third, adjustedCents: 0 },
        ],
        budgetCents: -1,
        marginRule: 'skip',
        reserveSize: 1.5,
      }),
    ).toEqual([
      'budgetCents:amountInvalid',
      'reserveSize:notACount',
      'dossiers.0.adjustedCents:adjustedAboveRequested',
      'dossiers.1.rank:rankInvalid',
      'dossiers.1.requestedCents:amountInvalid',
      'dossiers.2.adjustedCents:amountInvalid',
    ]);
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

interface Case {
  input: SelectionInput;
  /** The same input with the dossiers and overrides in another order. */
  shuffled: SelectionInput;
}

const ENVELOPE_CODES = ['LOKAAL', 'MIDDENVELD', 'ARMOEDE'];

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    dossiers: fc.array(
      fc.record({
        kind: fc.constantFrom('fundable', 'fundable', 'fundable', 'insufficient', 'incomplete'),
        requested: fc.oneof(fc.integer({ min: 1, max: CAP }), fc.constantFrom(CAP, 5_000_000, 2_500_000)),
        adjustPercent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        envelope: fc.nat({ max: 2 }),
      }),
      { maxLength: 40, size: 'medium' },
    ),
    // Mostly a share of the total demand, so that the margin (where the rules differ) is reached most of the time.
    budget: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 120 }).map((percent) => ({ percent })) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: BUDGET }).map((cents) => ({ cents })) },
    ),
    marginRule: fc.constantFrom('skip' as const, 'partial' as const),
    envelopeShares: fc.option(fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    reserveSize: fc.option(fc.nat({ max: 8 }), { nil: undefined }),
    overrides: fc.array(
      fc.record({ target: fc.nat(), decision: fc.constantFrom('select' as const, 'exclude' as const) }),
      {
        maxLength: 6,
      },
    ),
  })
  .chain((raw) => {
    const demand = raw.dossiers.reduce((sum, item) => sum + item.requested, 0);
    const budgetCents = 'percent' in raw.budget ? Math.floor((demand * raw.budget.percent) / 100) : raw.budget.cents;
    const envelopes = raw.envelopeShares?.map((share, index, shares) => {
      const total = shares.reduce((sum, value) => sum + value, 0);
      return {
        code: ENVELOPE_CODES[index],
        budgetCents: total === 0 ? 0 : Math.floor((budgetCents * share) / total),
      };
    });
    const dossiers: SelectionDossier[] = raw.dossiers.map((item, index) => ({
      dossierId: `D${index}`,
      rank: index + 1,
      complete: item.kind !== 'incomplete',
      sufficient: item.kind === 'fundable',
      requestedCents: item.requested,
      adjustedCents:
        item.adjustPercent === undefined
          ? undefined
          : Math.max(1, Math.floor((item.requested * item.adjustPercent) / 100)),
      envelope: envelopes ? envelopes[item.envelope % envelopes.length].code : undefined,
    }));
    // Only valid overrides: one per dossier, selections of fundable dossiers that fit their envelope.
    const used = new Set<string>();
    const taken = new Map<string, number>();
    const overrides = raw.overrides.flatMap((override) => {
      const dossier = dossiers[override.target % Math.max(1, dossiers.length)];
      if (!dossier || used.has(dossier.dossierId)) return [];
      if (override.decision === 'select') {
        const pot = dossier.envelope ?? '';
        const potBudget = envelopes?.find((envelope) => envelope.code === pot)?.budgetCents ?? budgetCents;
        const amount = dossier.adjustedCents ?? dossier.requestedCents;
        if (!dossier.sufficient || (taken.get(pot) ?? 0) + amount > potBudget) return [];
        taken.set(pot, (taken.get(pot) ?? 0) + amount);
      }
      used.add(dossier.dossierId);
      return [{ dossierId: dossier.dossierId, decision: override.decision, motivation: 'Beslissing van de minister' }];
    });
    const input: SelectionInput = {
      dossiers,
      budgetCents,
      marginRule: raw.marginRule,
      envelopes,
      reserveSize: raw.reserveSize,
      overrides,
    };
    return fc
      .tuple(
        fc.shuffledSubarray(dossiers, { minLength: dossiers.length }),
        fc.shuffledSubarray(overrides, { minLength: overrides.length }),
      )
      .map(([shuffledDossiers, shuffledOverrides]) => ({
        input,
        shuffled: { ...input, dossiers: shuffledDossiers, overrides: shuffledOverrides },
      }));
  });

const amountOf = (dossier: SelectionDossier) => dossier.adjustedCents ?? dossier.requestedCents;
const potOf = (dossier: SelectionDossier) => dossier.envelope ?? '';

function potBudget(input: SelectionInput, pot: string): number {
  return input.envelopes?.find((envelope) => envelope.code === pot)?.budgetCents ?? input.budgetCents;
}

/** What the overrides and the dossiers ranked above this one had taken from its pot when the walk reached it. */
function remainingAtTurn(input: SelectionInput, proposal: SelectionProposal, dossier: SelectionDossier): number {
  const byId = new Map(input.dossiers.map((item) => [item.dossierId, item]));
  const taken = proposal.lines
    .filter((line) => potOf(byId.get(line.dossierId)!) === potOf(dossier))
    .filter((line) => line.reason === 'override-select' || (line.outcome === 'selected' && line.rank < dossier.rank))
    .reduce((sum, line) => sum + line.grantedCents, 0);
  return potBudget(input, potOf(dossier)) - taken;
}

function run(property: (input: SelectionInput, proposal: SelectionProposal) => void) {
  fc.assert(
    fc.property(caseArbitrary, ({ input }) => property(input, selectionProposal(input))),
    { numRuns: 200 },
  );
}

describe('selectionProposal properties', () => {
  it('grants at most the call budget, and the totals add up', () => {
    run((input, proposal) => {
      const granted = proposal.lines.reduce((sum, line) => sum + line.grantedCents, 0);
      expect(proposal.grantedCents).toBe(granted);
      expect(granted).toBeLessThanOrEqual(input.budgetCents);
      expect(proposal.remainingCents).toBe(input.budgetCents - granted);
      expect(proposal.lines).toHaveLength(input.dossiers.length);
    });
  });

  it('grants at most the budget of each envelope', () => {
    run((input, proposal) => {
      expect(proposal.envelopes.map((envelope) => envelope.code)).toEqual(
        (input.envelopes ?? []).map((envelope) => envelope.code),
      );
      for (const envelope of proposal.envelopes) {
        const granted = proposal.lines
          .filter((line) => line.envelope === envelope.code)
          .reduce((sum, line) => sum + line.grantedCents, 0);
        expect(envelope.grantedCents).toBe(granted);
        expect(granted).toBeLessThanOrEqual(potBudget(input, envelope.code));
        expect(envelope.remainingCents).toBe(envelope.budgetCents - granted);
      }
    });
  });

  it('grants each dossier at most its adjusted (or requested) amount, and something only when selected', () => {
    run((input, proposal) => {
      const byId = new Map(input.dossiers.map((item) => [item.dossierId, item]));
      for (const line of proposal.lines) {
        expect(line.grantedCents).toBeLessThanOrEqual(amountOf(byId.get(line.dossierId)!));
        expect(Number.isSafeInteger(line.grantedCents)).toBe(true);
        expect(line.grantedCents > 0).toBe(line.outcome === 'selected');
        if (line.reason !== 'partial-at-margin' && line.outcome === 'selected') {
          expect(line.grantedCents).toBe(amountOf(byId.get(line.dossierId)!));
        }
      }
    });
  });

  it('never selects or reserves an insufficient or incomplete dossier', () => {
    run((input, proposal) => {
      const byId = new Map(input.dossiers.map((item) => [item.dossierId, item]));
      const excluded = new Set(
        (input.overrides ?? []).filter((item) => item.decision === 'exclude').map((item) => item.dossierId),
      );
      for (const line of proposal.lines) {
        const dossier = byId.get(line.dossierId)!;
        // An explicit exclusion is recorded as such, whatever else the dossier lacks.
        const why = excluded.has(line.dossierId) ? 'override-exclude' : undefined;
        if (!dossier.complete) expect([line.outcome, line.reason]).toEqual(['rejected', why ?? 'incomplete']);
        else if (!dossier.sufficient) expect([line.outcome, line.reason]).toEqual(['rejected', why ?? 'insufficient']);
      }
    });
  });

  it('skip: a lower-ranked dossier goes before a higher-ranked sufficient one only if that one did not fit', () => {
    fc.assert(
      fc.property(
        caseArbitrary.filter(({ input }) => input.marginRule === 'skip'),
        ({ input }) => {
          const proposal = selectionProposal(input);
          const byId = new Map(input.dossiers.map((item) => [item.dossierId, item]));
          const walked = proposal.lines.filter(
            (line) => line.reason !== 'override-select' && line.reason !== 'override-exclude',
          );
          for (const higher of walked) {
            const dossier = byId.get(higher.dossierId)!;
            if (!dossier.sufficient || higher.outcome === 'selected') continue;
            const overtaken = walked.some(
              (lower) =>
                lower.rank > higher.rank &&
                lower.outcome === 'selected' &&
                potOf(byId.get(lower.dossierId)!) === potOf(dossier),
            );
            if (overtaken) expect(amountOf(dossier)).toBeGreaterThan(remainingAtTurn(input, proposal, dossier));
          }
          // And the converse: every sufficient dossier that fitted at its turn was selected.
          for (const line of walked) {
            const dossier = byId.get(line.dossierId)!;
            if (!dossier.sufficient) continue;
            const fits = amountOf(dossier) <= remainingAtTurn(input, proposal, dossier);
            expect(line.outcome === 'selected').toBe(fits);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('partial: funds a prefix of each envelope, at most one dossier partly, and then the envelope is spent', () => {
    fc.assert(
      fc.property(
        caseArbitrary.filter(({ input }) => input.marginRule === 'partial'),
        ({ input }) => {
          const proposal = selectionProposal(input);
          const byId = new Map(input.dossiers.map((item) => [item.dossierId, item]));
          for (const pot of new Set(input.dossiers.map(potOf))) {
            const walked = proposal.lines.filter(
              (line) =>
                potOf(byId.get(line.dossierId)!) === pot &&
                byId.get(line.dossierId)!.sufficient &&
                !line.reason.startsWith('override-'),
            );
            const firstNotSelected = walked.findIndex((line) => line.outcome !== 'selected');
            if (firstNotSelected >= 0) {
              expect(walked.slice(firstNotSelected).every((line) => line.outcome !== 'selected')).toBe(true);
              const spent = proposal.lines
                .filter((line) => potOf(byId.get(line.dossierId)!) === pot)
                .reduce((sum, line) => sum + line.grantedCents, 0);
              expect(spent).toBe(potBudget(input, pot));
            }
            const partial = walked.filter((line) => line.reason === 'partial-at-margin');
            expect(partial.length).toBeLessThanOrEqual(1);
            if (partial.length === 1)
              expect(walked.filter((line) => line.outcome === 'selected').at(-1)).toBe(partial[0]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts the best not-selected sufficient dossiers on the reserve list, up to reserveSize per envelope', () => {
    run((input, proposal) => {
      const byId = new Map(input.dossiers.map((item) => [item.dossierId, item]));
      for (const pot of new Set(input.dossiers.map(potOf))) {
        const waiting = proposal.lines.filter(
          (line) =>
            potOf(byId.get(line.dossierId)!) === pot &&
            byId.get(line.dossierId)!.sufficient &&
            line.outcome !== 'selected' &&
            line.reason !== 'override-exclude',
        );
        const size = Math.min(waiting.length, input.reserveSize ?? Number.POSITIVE_INFINITY);
        expect(waiting.map((line) => line.outcome)).toEqual(
          waiting.map((_, index) => (index < size ? 'reserve' : 'rejected')),
        );
        expect(waiting.map((line) => line.reservePosition)).toEqual(
          waiting.map((_, index) => (index < size ? index + 1 : null)),
        );
      }
      for (const line of proposal.lines) {
        if (line.outcome !== 'reserve') expect(line.reservePosition).toBeNull();
      }
    });
  });

  it('follows every override', () => {
    run((input, proposal) => {
      const lines = new Map(proposal.lines.map((line) => [line.dossierId, line]));
      for (const override of input.overrides ?? []) {
        const line = lines.get(override.dossierId)!;
        if (override.decision === 'exclude')
          expect([line.outcome, line.reason]).toEqual(['rejected', 'override-exclude']);
        else expect([line.outcome, line.reason]).toEqual(['selected', 'override-select']);
      }
    });
  });

  it('is deterministic: the same proposal whatever the order of the dossiers and overrides', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ input, shuffled }) => {
        const proposal = selectionProposal(input);
        expect(selectionProposal(shuffled)).toEqual(proposal);
        expect(proposal.lines.map((line) => line.rank)).toEqual(input.dossiers.map((item) => item.rank));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any dossier without an envelope when the call has envelopes', () => {
    fc.assert(
      fc.property(
        caseArbitrary.filter(({ input }) => input.envelopes !== undefined && input.dossiers.length > 0),
        fc.nat(),
        ({ input }, pick) => {
          const dossiers = [...input.dossiers];
          const index = pick % dossiers.length;
          dossiers[index] = { ...dossiers[index], envelope: null };
          expect(() => selectionProposal({ ...input, dossiers })).toThrow(SelectionInputError);
          expect(codes({ ...input, dossiers })).toContain(`dossiers.${index}.envelope:envelopeRequired`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
