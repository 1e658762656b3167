import fc from 'fast-check';
import {
  type AllocationAsk,
  type AllocationInput,
  type AllocationResult,
  actionBudgetsFromCatalogue,
  allocate,
  allocationInputIssues,
  shareInWholeEuros,
  subscriptionAsks,
} from './allocation';
import type { Catalogue, Subscription } from './catalogue';
import { formatEuro } from './money';

// The Plan Samenleven 2022 actions these examples use (shared/calls/plan-samenleven.json), as catalogueFromJson
// reads them: euros per unit in cents, codes from the position in the published catalogue.
const planSamenleven: Catalogue = {
  objectives: [
    {
      code: 'O1',
      name: 'Veiligheid en leefbaarheid',
      actions: [
        {
          code: 'O1.A1',
          text: 'Ontwikkelen van een lokaal actieplan voor de aanpak van polarisatie en zetten in op de uitrol ervan.',
          rows: [{ code: 'O1.A1.R1', unit: 'lokaal actieplan', maxUnits: 1, centsPerUnit: 2_500_000 }],
        },
      ],
    },
    {
      code: 'O2',
      name: 'Nederlands',
      actions: [
        {
          code: 'O2.A1',
          text: 'Volwassen anderstaligen nemen deel aan een oefenkans.',
          rows: [{ code: 'O2.A1.R1', unit: 'volwassen anderstaligen', maxUnits: 2250, centsPerUnit: 6_000 }],
        },
      ],
    },
    {
      code: 'O3',
      name: 'Competenties',
      actions: [
        {
          code: 'O3.A1',
          text: 'Begeleiden van personen met een diploma van buiten de EU naar verkorte opleidingstrajecten.',
          rows: [{ code: 'O3.A1.R1', unit: 'begeleide personen', maxUnits: 23, centsPerUnit: 60_000 }],
        },
        {
          code: 'O3.A2',
          text: 'Begeleiden van kwetsbare kinderen naar hogere studies.',
          rows: [{ code: 'O3.A2.R1', unit: 'kwetsbare kinderen', maxUnits: 150, centsPerUnit: 65_000 }],
        },
        {
          code: 'O3.A3',
          text: 'Begeleiden van ongekwalificeerde uitstromers naar een kwalificerend traject.',
          rows: [{ code: 'O3.A3.R1', unit: 'ongekwalificeerde uitstromers', maxUnits: 150, centsPerUnit: 65_000 }],
        },
      ],
    },
    {
      code: 'O4',
      name: 'Werk',
      actions: [
        {
          code: 'O4.A1',
          text: 'Begeleiden van nieuwkomers, mensen met een handicap en 55plussers naar de arbeidsmarkt.',
          rows: [
            { code: 'O4.A1.R1', unit: 'begeleide nieuwkomers', maxUnits: 150, centsPerUnit: 65_000 },
            { code: 'O4.A1.R2', unit: 'begeleide personen met een handicap', maxUnits: 38, centsPerUnit: 65_000 },
            { code: 'O4.A1.R3', unit: 'begeleide 55-plussers', maxUnits: 75, centsPerUnit: 65_000 },
          ],
        },
        {
          code: 'O4.A3',
          text: 'Inzet van mentoren die jonge personen van buitenlandse herkomst begeleiden naar werk.',
          rows: [
            {
              code: 'O4.A3.R1',
              unit: 'begeleide personen van buitenlandse herkomst',
              maxUnits: 300,
              centsPerUnit: 32_000,
            },
          ],
        },
      ],
    },
  ],
};

const line = (rowCode: string, plannedExtraReach: number) => ({ rowCode, currentReach: 0, plannedExtraReach });

// Three municipalities, each one subscription with its own priorities.
const subscriptions: Record<string, Subscription> = {
  gent: {
    // labour market EUR 78,000 (1), vulnerable children EUR 97,500 (2), Dutch practice EUR 60,000 (3)
    lines: [line('O4.A1.R1', 100), line('O4.A1.R2', 20), line('O3.A2.R1', 150), line('O2.A1.R1', 1000)],
    priorities: { 'O4.A1': 1, 'O3.A2': 2, 'O2.A1': 3 },
    ownContributionCents: 23_550_000,
  },
  mechelen: {
    // school leavers EUR 52,000 (1), mentors EUR 32,000 (2)
    lines: [line('O3.A3.R1', 80), line('O4.A3.R1', 100)],
    priorities: { 'O3.A3': 1, 'O4.A3': 2 },
    ownContributionCents: 8_400_000,
  },
  genk: {
    // polarisation plan EUR 25,000 (1), labour market EUR 146,250 (2), non-EU diplomas EUR 13,800 (3)
    lines: [line('O1.A1.R1', 1), line('O4.A1.R1', 150), line('O4.A1.R3', 75), line('O3.A1.R1', 23)],
    priorities: { 'O1.A1': 1, 'O4.A1': 2, 'O3.A1': 3 },
    ownContributionCents: 20_000_000,
  },
};

const asks = Object.entries(subscriptions).flatMap(([id, subscription]) =>
  subscriptionAsks(id, planSamenleven, subscription),
);

const granted = (result: AllocationResult) =>
  Object.fromEntries(result.grants.map((g) => [`${g.subscriberId} ${g.actionCode}`, [g.grantedCents, g.reason]]));

describe('allocate with the Plan Samenleven catalogue', () => {
  it('turns the subscriptions into one ask per chosen action with its priority', () => {
    expect(subscriptionAsks('gent', planSamenleven, subscriptions.gent)).toEqual([
      { subscriberId: 'gent', actionCode: 'O4.A1', priority: 1, askedCents: 7_800_000 },
      { subscriberId: 'gent', actionCode: 'O3.A2', priority: 2, askedCents: 9_750_000 },
      { subscriberId: 'gent', actionCode: 'O2.A1', priority: 3, askedCents: 6_000_000 },
    ]);
    expect(() => subscriptionAsks('gent', planSamenleven, { ...subscriptions.gent, ownContributionCents: 0 })).toThrow(
      /ownContributionCents OWN_CONTRIBUTION_TOO_LOW/,
    );
  });

  it('grants everything when the budget covers all asks', () => {
    const result = allocate({ budgetCents: 60_000_000, asks });
    expect(result.grants.every((g) => g.reason === 'fully-funded' && g.grantedCents === g.askedCents)).toBe(true);
    expect(result).toMatchObject({
      totalAskedCents: 50_455_000,
      totalGrantedCents: 50_455_000,
      remainderCents: 9_545_000,
      marginalRound: null,
      shareRatio: null,
    });
  });

  it('funds priority 1 everywhere first, shares the marginal round equally in whole euros, and stops', () => {
    // Round 1: 78,000 + 52,000 + 25,000 = 155,000. Round 2 asks 275,750 of the 145,000 left: ratio 580/1103.
    const result = allocate({ budgetCents: 30_000_000, asks });
    expect(granted(result)).toEqual({
      'gent O4.A1': [7_800_000, 'fully-funded'],
      'genk O1.A1': [2_500_000, 'fully-funded'],
      'mechelen O3.A3': [5_200_000, 'fully-funded'],
      'gent O3.A2': [5_126_900, 'equal-share-in-marginal-round'],
      'genk O4.A1': [7_690_300, 'equal-share-in-marginal-round'],
      'mechelen O4.A3': [1_682_600, 'equal-share-in-marginal-round'],
      'gent O2.A1': [0, 'budget-exhausted'],
      'genk O3.A1': [0, 'budget-exhausted'],
    });
    expect(result.grants.map((g) => `${g.round} ${g.subscriberId}`)).toEqual([
      '1 genk',
      '1 gent',
      '1 mechelen',
      '2 genk',
      '2 gent',
      '2 mechelen',
      '3 genk',
      '3 gent',
    ]);
    expect(result).toMatchObject({
      marginalRound: 2,
      shareRatio: { numerator: 580, denominator: 1103 },
      totalGrantedCents: 29_999_800,
      remainderCents: 200,
    });
    expect(result.rounds).toEqual([
      {
        round: 1,
        askedCents: 15_500_000,
        availableCents: 30_000_000,
        grantedCents: 15_500_000,
        outcome: 'fully-funded',
      },
      { round: 2, askedCents: 27_575_000, availableCents: 14_500_000, grantedCents: 14_499_800, outcome: 'marginal' },
      { round: 3, askedCents: 7_380_000, availableCents: 200, grantedCents: 0, outcome: 'budget-exhausted' },
    ]);
  });

  it('explains per municipality, in Dutch and English, what was asked, granted and why', () => {
    const result = allocate({
      budgetCents: 30_000_000,
      asks,
      actionLabels: { 'O3.A2': 'Begeleiden van kwetsbare kinderen naar hogere studies' },
    });
    const gent = result.explanations.find((e) => e.subscriberId === 'gent');
    expect(result.explanations.map((e) => e.subscriberId)).toEqual(['genk', 'gent', 'mechelen']);
    expect(gent).toMatchObject({ askedCents: 23_550_000, grantedCents: 12_926_900 });
    expect(gent?.summary.nl).toBe(
      `Gevraagd: ${formatEuro(23_550_000, 'nl')} voor 3 acties. Toegekend: ${formatEuro(12_926_900, 'nl')}.`,
    );
    expect(gent?.lines.map((l) => l.actionCode)).toEqual(['O4.A1', 'O3.A2', 'O2.A1']);
    const [first, second, third] = gent?.lines ?? [];
    expect(first.text.en).toContain('The budget covered every ask with priority 1.');
    expect(second.text.nl).toContain('actie O3.A2 (Begeleiden van kwetsbare kinderen naar hogere studies)');
    expect(second.text.nl).toContain(`toegekend ${formatEuro(5_126_900, 'nl')}`);
    expect(second.text.nl).toContain('hetzelfde aandeel (580/1103, 52,5 %), naar beneden afgerond op hele euro');
    expect(second.text.en).toContain('the same share (580/1103, 52.5%), rounded down to whole euros');
    expect(third.text.nl).toContain('Het budget was op voor ronde 3');
    expect(third.text.en).toContain(`granted ${formatEuro(0, 'en')}. The budget ran out before round 3`);
  });

  it('caps an action at its budget with the same share for every municipality before the rounds', () => {
    // O4.A1 is asked 78,000 (gent, priority 1) + 146,250 (genk, priority 2) = 224,250 against a budget of 150,000.
    const result = allocate({ budgetCents: 30_000_000, actionBudgets: { 'O4.A1': 15_000_000 }, asks });
    expect(result.actionCaps).toEqual([
      {
        actionCode: 'O4.A1',
        budgetCents: 15_000_000,
        askedCents: 22_425_000,
        cappedCents: 14_999_900,
        shareRatio: { numerator: 200, denominator: 299 },
        remainderCents: 100,
      },
    ]);
    const byKey = Object.fromEntries(result.grants.map((g) => [`${g.subscriberId} ${g.actionCode}`, g]));
    expect(byKey['gent O4.A1']).toMatchObject({
      cappedCents: 5_217_300,
      grantedCents: 5_217_300,
      reason: 'capped-by-action-budget',
    });
    // Round 1 takes 52,173 + 52,000 + 25,000 = 129,173; round 2 asks 97,500 + 97,826 + 32,000 = 227,326 > 170,827.
    expect(result.marginalRound).toBe(2);
    expect(result.shareRatio).toEqual({ numerator: 170_827, denominator: 227_326 });
    expect(byKey['genk O4.A1']).toMatchObject({
      cappedCents: 9_782_600,
      grantedCents: shareInWholeEuros(9_782_600, { numerator: 170_827, denominator: 227_326 }),
      reason: 'equal-share-in-marginal-round',
    });
    expect(byKey['genk O4.A1'].grantedCents).toBe(7_351_200);
    const genk = result.explanations.find((e) => e.subscriberId === 'genk');
    expect(genk?.lines[1].text.en).toContain("exceeded the action's budget");
    expect(result.totalGrantedCents + result.remainderCents).toBe(30_000_000);
  });

  it('takes the budget from the catalogue when an action has one', () => {
    const withBudget: Catalogue = {
      objectives: planSamenleven.objectives.map((objective) => ({
        ...objective,
        actions: objective.actions.map((a) => (a.code === 'O4.A3' ? { ...a, budgetCents: 18_720_000 } : a)),
      })),
    };
    expect(actionBudgetsFromCatalogue(withBudget)).toEqual({ 'O4.A3': 18_720_000 });
  });

  it('gives nothing to later rounds when a round uses up the budget exactly, without a marginal round', () => {
    const result = allocate({ budgetCents: 15_500_000, asks });
    expect(result.marginalRound).toBeNull();
    expect(result.remainderCents).toBe(0);
    expect(result.grants.filter((g) => g.round > 1).every((g) => g.reason === 'budget-exhausted')).toBe(true);
    expect(result.grants.filter((g) => g.round === 1).every((g) => g.reason === 'fully-funded')).toBe(true);
  });

  it('refuses invalid input instead of guessing', () => {
    const bad: AllocationInput = {
      budgetCents: -1,
      actionBudgets: { X: 1.5 },
      asks: [
        { subscriberId: 'gent', actionCode: 'O1.A1', priority: 0, askedCents: 100 },
        { subscriberId: 'gent', actionCode: 'O1.A1', priority: 1, askedCents: 0.5 },
      ],
    };
    expect(allocationInputIssues(bad).map((i) => `${i.field}:${i.code}`)).toEqual([
      'budgetCents:INVALID_AMOUNT',
      'actionBudgets.X:INVALID_AMOUNT',
      'asks.0.priority:INVALID_PRIORITY',
      'asks.1.askedCents:INVALID_AMOUNT',
      'asks.1:DUPLICATE_ASK',
    ]);
    expect(() => allocate(bad)).toThrow(RangeError);
  });
});

const SUBSCRIBERS = ['antwerpen', 'brugge', 'gent', 'genk', 'leuven'];
const ACTIONS = ['O1.A1', 'O3.A2', 'O4.A1', 'O4.A3'];

const askArb: fc.Arbitrary<AllocationAsk> = fc.record({
  subscriberId: fc.constantFrom(...SUBSCRIBERS),
  actionCode: fc.constantFrom(...ACTIONS),
  priority: fc.integer({ min: 1, max: 4 }),
  askedCents: fc.oneof(
    fc.integer({ min: 0, max: 50_000_000 }),
    fc.integer({ min: 0, max: 500_000 }).map((e) => e * 100),
  ),
});

const inputArb: fc.Arbitrary<AllocationInput> = fc.record(
  {
    budgetCents: fc.oneof(
      fc.integer({ min: 0, max: 200_000_000 }),
      fc.integer({ min: 0, max: 2_000_000 }).map((e) => e * 100),
    ),
    actionBudgets: fc.dictionary(fc.constantFrom(...ACTIONS), fc.integer({ min: 0, max: 80_000_000 })),
    asks: fc.uniqueArray(askArb, { selector: (a) => `${a.subscriberId} ${a.actionCode}`, maxLength: 20 }),
  },
  { requiredKeys: ['budgetCents', 'asks'] },
);

const floorToEuro = (cents: bigint) => (cents / 100n) * 100n;

describe('allocate properties', () => {
  it('never grants more than the budget, an action budget, or what was asked', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        expect(result.totalGrantedCents).toBeLessThanOrEqual(input.budgetCents);
        for (const [actionCode, budget] of Object.entries(input.actionBudgets ?? {})) {
          const toAction = result.grants.filter((g) => g.actionCode === actionCode);
          expect(toAction.reduce((sum, g) => sum + g.grantedCents, 0)).toBeLessThanOrEqual(budget);
        }
        for (const grant of result.grants) {
          expect(grant.grantedCents).toBeLessThanOrEqual(grant.cappedCents);
          expect(grant.cappedCents).toBeLessThanOrEqual(grant.askedCents);
          expect(grant.grantedCents).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(grant.grantedCents)).toBe(true);
        }
        expect(result.grants).toHaveLength(input.asks.length);
      }),
    );
  });

  it('gives a lower priority money only when every higher priority ask is fully funded', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        for (const funded of result.grants.filter((g) => g.grantedCents > 0)) {
          for (const higher of result.grants.filter((g) => g.priority < funded.priority)) {
            expect(higher.grantedCents).toBe(higher.cappedCents);
          }
        }
      }),
    );
    // Without action budgets "fully funded" is literally what was asked.
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate({ ...input, actionBudgets: undefined });
        for (const funded of result.grants.filter((g) => g.grantedCents > 0)) {
          for (const higher of result.grants.filter((g) => g.priority < funded.priority)) {
            expect(higher.grantedCents).toBe(higher.askedCents);
          }
        }
      }),
    );
  });

  it('caps every ask of an over-asked action by the same share, rounded down to whole euros', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        for (const [actionCode, budget] of Object.entries(input.actionBudgets ?? {})) {
          const toAction = result.grants.filter((g) => g.actionCode === actionCode);
          const asked = toAction.reduce((sum, g) => sum + g.askedCents, 0);
          for (const grant of toAction) {
            const expected =
              asked > budget
                ? Number(floorToEuro((BigInt(grant.askedCents) * BigInt(budget)) / BigInt(asked)))
                : grant.askedCents;
            expect(grant.cappedCents).toBe(expected);
          }
        }
      }),
    );
  });

  it('gives every ask in the marginal round the same share of its capped ask, and documents the remainder', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocate(input);
        expect(result.remainderCents).toBe(input.budgetCents - result.totalGrantedCents);
        const exhausted = result.grants.some((g) => g.grantedCents < g.cappedCents);
        if (result.marginalRound === null) {
          expect(result.shareRatio).toBeNull();
          if (exhausted) expect(result.remainderCents).toBe(0);
          return;
        }
        const marginal = result.grants.filter((g) => g.round === result.marginalRound);
        const before = result.grants.filter((g) => g.round < (result.marginalRound ?? 0));
        const available = input.budgetCents - before.reduce((sum, g) => sum + g.grantedCents, 0);
        const roundAsked = marginal.reduce((sum, g) => sum + g.cappedCents, 0);
        const { numerator, denominator } = result.shareRatio ?? { numerator: 0, denominator: 1 };
        // The ratio is exactly what was left over what the round asked (compared cross-multiplied, in integers).
        expect(BigInt(numerator) * BigInt(roundAsked)).toBe(BigInt(available) * BigInt(denominator));
        expect(numerator).toBeLessThan(denominator);
        for (const grant of marginal) {
          const exact = (BigInt(grant.cappedCents) * BigInt(numerator)) / BigInt(denominator);
          expect(BigInt(grant.grantedCents) - floorToEuro(exact)).toBe(0n);
          expect(grant.reason).toBe('equal-share-in-marginal-round');
        }
        expect(exhausted).toBe(true);
        expect(result.remainderCents).toBeGreaterThanOrEqual(0);
        expect(result.remainderCents).toBeLessThan(marginal.length * 100);
        expect(
          result.grants.filter((g) => g.round > (result.marginalRound ?? 0)).every((g) => g.grantedCents === 0),
        ).toBe(true);
      }),
    );
  });

  it('gives every reason consistently with the amounts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const grant of allocate(input).grants) {
          if (grant.reason === 'fully-funded') expect(grant.grantedCents).toBe(grant.askedCents);
          if (grant.reason === 'capped-by-action-budget') {
            expect(grant.grantedCents).toBe(grant.cappedCents);
            expect(grant.cappedCents).toBeLessThan(grant.askedCents);
          }
          if (grant.reason === 'budget-exhausted') expect(grant.grantedCents).toBe(0);
          expect(grant.round).toBe(grant.priority);
        }
      }),
    );
  });

  it('is deterministic: shuffled asks and action budgets give the same output', () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.asks], { minLength: input.asks.length }),
            fc.shuffledSubarray(Object.entries(input.actionBudgets ?? {}), {
              minLength: Object.keys(input.actionBudgets ?? {}).length,
            }),
          ),
        ),
        ([input, shuffledAsks, shuffledBudgets]) => {
          const shuffled = { ...input, asks: shuffledAsks, actionBudgets: Object.fromEntries(shuffledBudgets) };
          expect(allocate(shuffled)).toEqual(allocate(input));
        },
      ),
    );
  });
});
