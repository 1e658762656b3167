import fc from 'fast-check';
import {
  type Catalogue,
  type Subscription,
  catalogueFromJson,
  subscriptionIssues,
  subscriptionTotals,
} from './catalogue';

// The first four objectives of the published Plan Samenleven 2022 catalogue (shared/calls/plan-samenleven.json),
// copied as they are so the generated codes (O3.A2, O4.A1.R2, ...) are the real ones.
const planSamenleven = {
  code: 'PLAN-SAMENLEVEN-2022',
  objectives: [
    {
      name: 'Veiligheid en leefbaarheid',
      actions: [
        {
          text: 'Ontwikkelen van een lokaal actieplan voor de aanpak van polarisatie en zetten in op de uitrol ervan.',
          rows: [{ unit: 'lokaal actieplan', maxUnits: 1, eurPerUnit: 25000 }],
        },
      ],
    },
    {
      name: 'Nederlands',
      actions: [
        {
          text: 'Volwassen anderstaligen nemen deel aan een oefenkans.',
          rows: [{ unit: 'volwassen anderstaligen', maxUnits: 2250, eurPerUnit: 60 }],
        },
      ],
    },
    {
      name: 'Competenties',
      actions: [
        {
          text: 'Begeleiden van personen met een diploma van buiten de EU naar verkorte opleidingstrajecten.',
          rows: [{ unit: 'begeleide personen', maxUnits: 23, eurPerUnit: 600 }],
        },
        {
          text: 'Begeleiden van kwetsbare kinderen naar hogere studies.',
          rows: [{ unit: 'kwetsbare kinderen', maxUnits: 150, eurPerUnit: 650 }],
        },
        {
          text: 'Begeleiden van ongekwalificeerde uitstromers naar een kwalificerend traject.',
          rows: [{ unit: 'ongekwalificeerde uitstromers', maxUnits: 150, eurPerUnit: 650 }],
        },
      ],
    },
    {
      name: 'Werk',
      actions: [
        {
          text: 'Begeleiden van nieuwkomers, mensen met een handicap en 55plussers naar de arbeidsmarkt.',
          rows: [
            { unit: 'begeleide nieuwkomers', maxUnits: 150, eurPerUnit: 650 },
            { unit: 'begeleide personen met een handicap', maxUnits: 38, eurPerUnit: 650 },
            { unit: 'begeleide 55-plussers', maxUnits: 75, eurPerUnit: 650 },
          ],
        },
        {
          text: 'Begeleiden van nieuwkomers, vrouwen en personen met een handicap naar ondernemerschap.',
          rows: [
            { unit: 'begeleide nieuwkomers', maxUnits: 75, eurPerUnit: 650 },
            { unit: 'begeleide vrouwen', maxUnits: 30, eurPerUnit: 650 },
            { unit: 'begeleide personen met een handicap', maxUnits: 15, eurPerUnit: 650 },
          ],
        },
        {
          text: 'Inzet van mentoren die jonge personen van buitenlandse herkomst begeleiden naar werk.',
          rows: [{ unit: 'begeleide personen van buitenlandse herkomst', maxUnits: 300, eurPerUnit: 320 }],
        },
      ],
    },
  ],
};

function realCatalogue(): Catalogue {
  const parsed = catalogueFromJson(planSamenleven);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.catalogue;
}

const fields = (issues: Array<{ field: string; code: string }>) => issues.map((i) => `${i.field}:${i.code}`);

// Gent: labour market (newcomers 100, disability 20) first, vulnerable children to higher studies second.
const gent: Subscription = {
  lines: [
    { rowCode: 'O4.A1.R1', currentReach: 40, plannedExtraReach: 100 },
    { rowCode: 'O4.A1.R2', currentReach: 5, plannedExtraReach: 20 },
    { rowCode: 'O4.A1.R3', currentReach: 0, plannedExtraReach: 0 },
    { rowCode: 'O3.A2.R1', currentReach: 60, plannedExtraReach: 150 },
  ],
  priorities: { 'O4.A1': 1, 'O3.A2': 2 },
  ownContributionCents: 17_550_000,
};

describe('catalogueFromJson', () => {
  it('generates positional codes and turns euros per unit into cents', () => {
    const catalogue = realCatalogue();
    expect(catalogue.objectives.map((o) => o.code)).toEqual(['O1', 'O2', 'O3', 'O4']);
    const work = catalogue.objectives[3];
    expect(work.name).toBe('Werk');
    expect(work.actions.map((a) => a.code)).toEqual(['O4.A1', 'O4.A2', 'O4.A3']);
    expect(work.actions[0].rows).toEqual([
      { code: 'O4.A1.R1', unit: 'begeleide nieuwkomers', maxUnits: 150, centsPerUnit: 65_000 },
      { code: 'O4.A1.R2', unit: 'begeleide personen met een handicap', maxUnits: 38, centsPerUnit: 65_000 },
      { code: 'O4.A1.R3', unit: 'begeleide 55-plussers', maxUnits: 75, centsPerUnit: 65_000 },
    ]);
    expect(catalogue.objectives[1].actions[0].rows[0].centsPerUnit).toBe(6_000);
    expect(work.actions[0]).not.toHaveProperty('budgetCents');
  });

  it('gives the same codes for the same JSON (codes are persisted)', () => {
    expect(catalogueFromJson(planSamenleven)).toEqual(catalogueFromJson(structuredClone(planSamenleven)));
  });

  it('keeps explicit codes, cents per unit and action budgets when the administration gives them', () => {
    const parsed = catalogueFromJson({
      objectives: [
        {
          code: 'WERK',
          name: 'Werk',
          actions: [
            {
              text: 'Mentoren',
              budgetEur: 187_200,
              rows: [{ code: 'MENTOR', unit: 'begeleide personen', maxUnits: 300, centsPerUnit: 32_050 }],
            },
            {
              code: 'BRUG',
              text: 'Brugfiguren',
              budgetCents: 5_000_000,
              rows: [{ unit: 'gezinnen', maxUnits: 3, eurPerUnit: 1 }],
            },
          ],
        },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      catalogue: {
        objectives: [
          {
            code: 'WERK',
            name: 'Werk',
            actions: [
              {
                code: 'WERK.A1',
                text: 'Mentoren',
                budgetCents: 18_720_000,
                rows: [{ code: 'MENTOR', unit: 'begeleide personen', maxUnits: 300, centsPerUnit: 32_050 }],
              },
              {
                code: 'BRUG',
                text: 'Brugfiguren',
                budgetCents: 5_000_000,
                rows: [{ code: 'BRUG.R1', unit: 'gezinnen', maxUnits: 3, centsPerUnit: 100 }],
              },
            ],
          },
        ],
      },
    });
  });

  it('reports every problem with the path of the field', () => {
    const parsed = catalogueFromJson({
      objectives: [
        {
          name: ' ',
          actions: [
            {
              text: 'Plan',
              rows: [
                { unit: 'plan', maxUnits: 2.5, eurPerUnit: 0 },
                { unit: 'plan', maxUnits: 1, eurPerUnit: 10, centsPerUnit: 1000 },
                { code: 'O1.A1.R1', unit: '', maxUnits: 1 },
              ],
            },
            { text: 'Leeg', rows: [], budgetEur: -5 },
            { code: 'has space', text: 'Code', rows: [{ unit: 'x', maxUnits: 1, eurPerUnit: 12.5 }] },
          ],
        },
        'not an objective',
      ],
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : fields(parsed.issues)).toEqual([
      'objectives.0.name:REQUIRED',
      'objectives.0.actions.0.rows.0.maxUnits:NOT_POSITIVE_INTEGER',
      'objectives.0.actions.0.rows.0.eurPerUnit:NOT_POSITIVE_INTEGER',
      'objectives.0.actions.0.rows.1.centsPerUnit:AMBIGUOUS_AMOUNT',
      'objectives.0.actions.0.rows.2.code:DUPLICATE_CODE',
      'objectives.0.actions.0.rows.2.unit:REQUIRED',
      'objectives.0.actions.0.rows.2.eurPerUnit:REQUIRED',
      'objectives.0.actions.1.budgetEur:NOT_POSITIVE_INTEGER',
      'objectives.0.actions.1.rows:EMPTY_LIST',
      'objectives.0.actions.2.code:INVALID_CODE',
      'objectives.0.actions.2.rows.0.eurPerUnit:NOT_POSITIVE_INTEGER',
      'objectives.1:NOT_AN_OBJECT',
      'objectives.1.name:REQUIRED',
      'objectives.1.actions:NOT_A_LIST',
    ]);
  });

  it('refuses a document without objectives and amounts too large to compute exactly', () => {
    const empty = catalogueFromJson(null);
    expect(empty.ok ? [] : fields(empty.issues)).toEqual([':NOT_AN_OBJECT', 'objectives:NOT_A_LIST']);
    const huge = catalogueFromJson({
      objectives: [
        { name: 'X', actions: [{ text: 'Y', rows: [{ unit: 'u', maxUnits: 1_000_000, eurPerUnit: 2 ** 45 }] }] },
      ],
    });
    expect(huge.ok ? [] : fields(huge.issues)).toEqual(['objectives.0.actions.0.rows.0.maxUnits:AMOUNT_TOO_LARGE']);
    const hugeUnit = catalogueFromJson({
      objectives: [{ name: 'X', actions: [{ text: 'Y', rows: [{ unit: 'u', maxUnits: 1, eurPerUnit: 2 ** 50 }] }] }],
    });
    expect(hugeUnit.ok ? [] : fields(hugeUnit.issues)).toEqual([
      'objectives.0.actions.0.rows.0.eurPerUnit:AMOUNT_TOO_LARGE',
    ]);
  });

  it('refuses texts that break the human-text rule (ADR 0010), naming the field', () => {
    const parsed = catalogueFromJson({
      objectives: [
        {
          name: 'Doel\u0000',
          actions: [{ text: 'Actie \u202Eesrever', rows: [{ unit: 'uur\uD800', maxUnits: 1, eurPerUnit: 1 }] }],
        },
      ],
    });
    expect(parsed.ok ? [] : fields(parsed.issues)).toEqual([
      'objectives.0.name:nulCharacter',
      'objectives.0.actions.0.text:bidiControl',
      'objectives.0.actions.0.rows.0.unit:invalidUnicode',
    ]);
  });
});

describe('subscriptionIssues and subscriptionTotals', () => {
  const catalogue = realCatalogue();

  it('accepts a subscription with distinct priorities 1..n and 1:1 co-financing', () => {
    expect(subscriptionIssues(catalogue, gent)).toEqual([]);
  });

  it('computes the Flemish contribution per line, per action and in total', () => {
    expect(subscriptionTotals(catalogue, gent)).toEqual({
      lines: [
        { rowCode: 'O4.A1.R1', actionCode: 'O4.A1', contributionCents: 6_500_000, counted: true },
        { rowCode: 'O4.A1.R2', actionCode: 'O4.A1', contributionCents: 1_300_000, counted: true },
        { rowCode: 'O4.A1.R3', actionCode: 'O4.A1', contributionCents: 0, counted: true },
        { rowCode: 'O3.A2.R1', actionCode: 'O3.A2', contributionCents: 9_750_000, counted: true },
      ],
      actions: [
        { actionCode: 'O3.A2', contributionCents: 9_750_000, chosen: true },
        { actionCode: 'O4.A1', contributionCents: 7_800_000, chosen: true },
      ],
      totalCents: 17_550_000,
    });
  });

  it('refuses reach above the row maximum, negative or fractional reach, unknown and repeated rows', () => {
    const issues = subscriptionIssues(catalogue, {
      lines: [
        { rowCode: 'O4.A1.R1', currentReach: -1, plannedExtraReach: 10 },
        { rowCode: 'O9.A1.R1', currentReach: 0, plannedExtraReach: 1 },
        { rowCode: 'O4.A1.R1', currentReach: 0, plannedExtraReach: 5 },
        { rowCode: 'O4.A1.R2', currentReach: 0, plannedExtraReach: 39 },
        { rowCode: 'O4.A1.R3', currentReach: 1.5, plannedExtraReach: 2.5 },
      ],
      priorities: { 'O4.A1': 1 },
      ownContributionCents: 10_000_000,
    });
    expect(fields(issues)).toEqual([
      'lines.0.currentReach:NOT_A_WHOLE_NUMBER',
      'lines.1.rowCode:UNKNOWN_ROW',
      'lines.2.rowCode:DUPLICATE_ROW',
      'lines.3.plannedExtraReach:ABOVE_MAX_UNITS',
      'lines.4.currentReach:NOT_A_WHOLE_NUMBER',
      'lines.4.plannedExtraReach:NOT_A_WHOLE_NUMBER',
    ]);
    expect(issues[3].message).toEqual({
      nl: 'Het extra bereik is hoogstens 38 (begeleide personen met een handicap).',
      en: 'The extra reach is at most 38 (begeleide personen met een handicap).',
    });
    // Only the valid first line counts; the form shows the others at 0 next to their issue.
    const totals = subscriptionTotals(catalogue, {
      lines: [
        { rowCode: 'O4.A1.R1', currentReach: -1, plannedExtraReach: 10 },
        { rowCode: 'O4.A1.R1', currentReach: 0, plannedExtraReach: 5 },
        { rowCode: 'O4.A1.R2', currentReach: 0, plannedExtraReach: 39 },
      ],
      priorities: {},
      ownContributionCents: 0,
    });
    expect(totals.lines.map((line) => [line.contributionCents, line.counted])).toEqual([
      [650_000, true],
      [0, false],
      [0, false],
    ]);
    expect(totals.totalCents).toBe(650_000);
  });

  it('requires distinct priorities 1..n on exactly the chosen actions', () => {
    const base = {
      lines: [
        { rowCode: 'O1.A1.R1', currentReach: 0, plannedExtraReach: 1 },
        { rowCode: 'O2.A1.R1', currentReach: 0, plannedExtraReach: 100 },
        { rowCode: 'O3.A1.R1', currentReach: 0, plannedExtraReach: 10 },
        { rowCode: 'O3.A2.R1', currentReach: 3, plannedExtraReach: 0 },
      ],
      ownContributionCents: 10_000_000,
    };
    const duplicate = subscriptionIssues(catalogue, {
      ...base,
      priorities: { 'O1.A1': 1, 'O2.A1': 1, 'O3.A1': 3 },
    });
    expect(fields(duplicate)).toEqual([
      'priorities.O1.A1:DUPLICATE_PRIORITY',
      'priorities.O2.A1:DUPLICATE_PRIORITY',
      'priorities:PRIORITY_GAP',
    ]);
    expect(duplicate[0].message.en).toBe('Priority 1 is also given to O2.A1; every action takes a different priority.');
    expect(duplicate[2].message.nl).toBe(
      'Prioriteit 2 is aan geen enkele actie gegeven; nummer de gekozen acties 1 tot 3.',
    );

    const misplaced = subscriptionIssues(catalogue, {
      ...base,
      priorities: { 'O3.A2': 2, 'O1.A1': 1, 'O2.A1': 4, 'O7.A9': 3, 'O3.A1': 0.5 },
    });
    expect(fields(misplaced)).toEqual([
      'priorities.O3.A2:PRIORITY_ON_UNCHOSEN_ACTION',
      'priorities.O7.A9:UNKNOWN_ACTION',
      'priorities.O2.A1:PRIORITY_OUT_OF_RANGE',
      'priorities.O3.A1:INVALID_PRIORITY',
      'priorities:PRIORITY_GAP',
      'priorities:PRIORITY_GAP',
    ]);

    const missing = subscriptionIssues(catalogue, { ...base, priorities: { 'O1.A1': 2, 'O2.A1': 1 } });
    expect(fields(missing)).toEqual(['priorities.O3.A1:MISSING_PRIORITY', 'priorities:PRIORITY_GAP']);
  });

  it('requires an own contribution at least equal to the Flemish contribution (1:1)', () => {
    const issues = subscriptionIssues(catalogue, { ...gent, ownContributionCents: 17_549_999 });
    expect(fields(issues)).toEqual(['ownContributionCents:OWN_CONTRIBUTION_TOO_LOW']);
    expect(issues[0].message.en).toContain('175,500.00');
    expect(fields(subscriptionIssues(catalogue, { ...gent, ownContributionCents: -1 }))).toEqual([
      'ownContributionCents:INVALID_AMOUNT',
    ]);
  });

  it('refuses a subscription that plans nothing', () => {
    const issues = subscriptionIssues(catalogue, {
      lines: [{ rowCode: 'O4.A3.R1', currentReach: 12, plannedExtraReach: 0 }],
      priorities: {},
      ownContributionCents: 0,
    });
    expect(fields(issues)).toEqual(['lines:NO_ACTION_CHOSEN']);
  });

  it('property: any reach within the maxima with priorities 1..n and own contribution = total is valid, one cent less is not', () => {
    const rows = catalogue.objectives.flatMap((o) =>
      o.actions.flatMap((a) => a.rows.map((row) => ({ row, action: a.code }))),
    );
    const subscriptionArb = fc
      .tuple(
        fc.tuple(...rows.map(({ row }) => fc.option(fc.integer({ min: 0, max: row.maxUnits }), { nil: undefined }))),
        fc.integer({ min: 0, max: 1_000 }),
      )
      .filter(([planned]) => planned.some((units) => units !== undefined && units > 0));
    fc.assert(
      fc.property(subscriptionArb, ([planned, seed]) => {
        const lines = rows.flatMap(({ row }, i) =>
          planned[i] === undefined ? [] : [{ rowCode: row.code, currentReach: 0, plannedExtraReach: planned[i] }],
        );
        const chosen = [...new Set(rows.filter((_, i) => (planned[i] ?? 0) > 0).map(({ action }) => action))];
        // A permutation of 1..n drawn from the seed (7919 is invertible modulo the prime 1009, so keys are distinct).
        const order = chosen.map((code, i) => ({ code, key: (i * 7919 + seed) % 1009 })).sort((a, b) => a.key - b.key);
        const priorities = Object.fromEntries(order.map(({ code }, i) => [code, i + 1]));
        const draft = { lines, priorities, ownContributionCents: 0 };
        const totals = subscriptionTotals(catalogue, draft);
        const expected = lines.reduce((sum, line) => {
          const found = rows.find(({ row }) => row.code === line.rowCode);
          return sum + line.plannedExtraReach * (found?.row.centsPerUnit ?? 0);
        }, 0);
        expect(totals.totalCents).toBe(expected);
        expect(totals.actions.reduce((sum, action) => sum + action.contributionCents, 0)).toBe(expected);
        expect(subscriptionIssues(catalogue, { ...draft, ownContributionCents: expected })).toEqual([]);
        expect(fields(subscriptionIssues(catalogue, { ...draft, ownContributionCents: expected - 1 }))).toEqual([
          'ownContributionCents:OWN_CONTRIBUTION_TOO_LOW',
        ]);
      }),
    );
  });
});
