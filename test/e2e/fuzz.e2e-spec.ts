import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import fc from 'fast-check';
import { routeTable, type RouteEntry } from '../../apps/api/src/common/route-table';
import {
  applicantWithOrganisation,
  COMPLETE_DRAFT,
  completeDossier,
  createCall,
  createUser,
  organisationInput,
} from '../support/factories';
import { session, startApi, type Session, type TestApi } from '../support/test-app';

const RUNS_PER_ENDPOINT = 25;

/** Field names the API knows, so random bodies reach past "unknown field" into the real checks. */
const FIELDS = [
  'title',
  'summary',
  'answers',
  'projectStart',
  'projectEnd',
  'budgetLines',
  'requestedCents',
  'otherIncomeCents',
  'ownContributionCents',
  'applicantId',
  'code',
  'description',
  'applicantKinds',
  'policyDomains',
  'opensAt',
  'closesAt',
  'maxRequestedCents',
  'budgetCents',
  'questions',
  'criteria',
  'attachments',
  'tieBreak',
  'oneDossierPerApplicant',
  'reminderOffsetsMinutes',
  'kind',
  'legalName',
  'enterpriseNumber',
  'nisCode',
  'address',
  'iban',
  'contactName',
  'contactEmail',
  'email',
  'password',
  'displayName',
  'locale',
  'amountCents',
];

const nasty = fc.oneof(
  fc.constantFrom(-1, -0.5, 0.1, 1e21, Number.MAX_SAFE_INTEGER + 2, -2147483649, 10.005, 0, 1),
  fc.constantFrom(
    '2020-02-30',
    '2026-03-29T02:30',
    '9999-99-99T99:99',
    '',
    ' ',
    'null',
    '0412.345.614',
    'BE68 5390 0754 7034',
  ),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    'é'.repeat(300),
    '👩‍👩‍👧‍👦'.repeat(50),
    "'; DROP TABLE dossiers; --",
    '<script>alert(1)</script>',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), nasty, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ title: 'x'.repeat(200_000) }),
);

const TABLES = [
  'users',
  'sessions',
  'calls',
  'applicants',
  'applicant_members',
  'dossiers',
  'dossier_submissions',
  'attachments',
  'notifications',
  'invitations',
  'staff_invitations',
  'password_resets',
  'email_verifications',
  'admissibility_decisions',
  'review_assignments',
  'review_scores',
  'consensus_scores',
  'selection_proposals',
  'reserve_promotions',
  'catalogue_allocations',
  'review_panels',
  'review_panel_members',
  'review_due_reminders',
  'call_report_settings',
  'dossier_reports',
  'report_documents',
  'report_due_reminders',
  'change_requests',
];

/**
 * Hostile values, by the kind of value they replace (issue 14): each goes into every field of a body that is valid
 * otherwise, so it reaches past the other fields' checks into the one it targets.
 */
const HOSTILE_TEXT: unknown[] = [
  'a\u0000b',
  'x\uD800',
  '\uDC00x',
  'vzw \u202Egurb eD',
  '\u2066isolate\u2069',
  'vzw\r\nReply-To: evil@x.example\r\n\r\nvals',
  'x'.repeat(10_000),
  'é'.repeat(10_000),
];
const IMPOSSIBLE_DATES: unknown[] = [
  '2028-02-30',
  '2028-04-31',
  '0000-01-01',
  '2028-02-30T12:00',
  '0000-01-01T00:00:00Z',
  '2028-13-01',
];
/** Raw JSON numbers that JSON.stringify cannot write (it writes -0 as 0, rounds 2^53+1, has no 1e309). */
const RAW_NUMBERS: Record<string, string> = {
  '@@NEG_ZERO@@': '-0',
  '@@TWO_53_PLUS_1@@': '9007199254740993',
  '@@MINUS_TWO_53_PLUS_1@@': '-9007199254740993',
  '@@OVERFLOW@@': '1e309',
};
const EDGE_NUMBERS: unknown[] = [
  1e308,
  -1e308,
  5e-324,
  ...Object.keys(RAW_NUMBERS),
  'NaN',
  '-Infinity',
  '1e400',
  '0x10',
];

function serialize(value: unknown): string {
  let json = JSON.stringify(value);
  for (const [marker, raw] of Object.entries(RAW_NUMBERS)) json = json.split(JSON.stringify(marker)).join(raw);
  return json;
}

/** Whole bodies that must be refused before validation: 100,000 levels, or lists far above the limit. */
const HOSTILE_BODIES = [
  `{"title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  `{"title":${'{"a":'.repeat(50)}1${'}'.repeat(50)}}`,
  `[${Array(20_000).fill('0').join(',')}]`,
  `{"title":[${Array(20_000).fill('"x"').join(',')}],"dossierIds":[${Array(12_000).fill('1').join(',')}]}`,
];

type Leaf = { path: Array<string | number>; value: unknown };

function leaves(value: unknown, path: Array<string | number> = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [{ path, value }];
}

function withLeaf(body: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The hostile values that fit where a leaf's value is: text, a date, a number. */
function hostileFor(leaf: unknown): unknown[] {
  if (typeof leaf === 'number') return EDGE_NUMBERS;
  if (typeof leaf === 'string' && /^\d{4}-\d{2}-\d{2}/.test(leaf)) return [...IMPOSSIBLE_DATES, HOSTILE_TEXT[0]];
  if (typeof leaf === 'string') return HOSTILE_TEXT;
  return [];
}

interface Ids {
  callId: string;
  dossierId: string;
  applicantId: string;
}

/**
 * A valid body per write route (`METHOD path` as the route table writes it), or null for a route that reads none.
 * A new write route fails the coverage test until it is listed here.
 */
const SAMPLES: Record<string, ((ids: Ids) => object) | null> = {
  'POST /auth/login': () => ({ email: 'nobody@example.org', password: 'x' }),
  'POST /auth/register': () => ({
    email: 'fuzz-register@example.org',
    password: 'een-lang-wachtwoord-2026',
    displayName: 'Fuzz Persoon',
    locale: 'nl',
  }),
  'POST /auth/password': () => ({ currentPassword: 'niet-het-wachtwoord', newPassword: 'een-lang-wachtwoord-2026' }),
  'POST /auth/password-reset': () => ({ email: 'nobody@example.org' }),
  'POST /auth/password-reset/confirm': () => ({ token: 'x'.repeat(43), password: 'een-lang-wachtwoord-2026' }),
  'PATCH /auth/me': () => ({ displayName: 'Fuzz Persoon', locale: 'nl' }),
  'POST /auth/login/totp': () => ({ challenge: 'x'.repeat(43), code: '123456' }),
  'POST /auth/second-factor/enrolment': null,
  'POST /auth/second-factor/enrolment/confirm': () => ({ code: '123456' }),
  'POST /auth/second-factor/disable': () => ({ code: '123456' }),
  'POST /auth/second-factor/recovery-codes': () => ({ code: '123456' }),
  'POST /auth/email-verification': null,
  'POST /auth/email-verification/confirm': () => ({ token: 'x'.repeat(43) }),
  'POST /calls': () => ({
    code: 'FUZZ-CALL',
    title: 'Gedeeld en betrokken ouderschap',
    description: 'Projectsubsidies voor organisaties.\nTweede regel.',
    applicantKinds: ['organisation'],
    policyDomains: ['Welzijn'],
    opensAt: '2027-01-05T09:00',
    closesAt: '2027-10-25T23:59:59',
    maxRequestedCents: 5_000_000,
    budgetCents: 25_000_000,
    projectStart: '2028-01-01',
    projectEnd: '2028-12-31',
    oneDossierPerApplicant: true,
    attachments: [{ code: 'BEGROTING', label: 'Begroting', required: true }],
    questions: [
      { code: 'DOEL', label: 'Doel', type: 'longText', required: true, maxLength: 1000, help: 'Uitleg' },
      { code: 'KEUZE', label: 'Keuze', type: 'choice', required: false, options: ['A', 'B'] },
      { code: 'AANTAL', label: 'Aantal', type: 'number', required: false, min: 0, max: 100 },
    ],
    criteria: [{ code: 'RELEVANTIE', label: 'Relevantie', scaleMin: 0, scaleMax: 5, weight: 2, threshold: 2.5 }],
    tieBreak: ['criteria-in-order', 'earlier-submission'],
    information: {
      objectives: 'Ouders ondersteunen.\nTweede regel.',
      contactName: 'Team subsidies',
      contactEmail: 'subsidies@example.org',
      regulationUrl: 'https://example.org/besluit',
      appealRoute: 'Beroep bij de Raad van State binnen 60 dagen.',
    },
    reminderOffsetsMinutes: [1440],
  }),
  'PATCH /calls/:id': () => ({ title: 'Nieuwe titel', projectStart: '2027-01-01', closesAt: '2030-01-01T12:00' }),
  'POST /calls/:id/publish': null,
  'POST /applicants': () => organisationInput({ legalName: 'vzw Fuzz', contactPhone: '+32 2 123 45 67' }),
  'POST /applicants/:id/invitations': () => ({ email: 'collega@example.org' }),
  'POST /invitations/:token/accept': null,
  // Verifying (not rejecting) keeps the fixture applicant able to submit for the routes fuzzed after this one.
  'POST /applicants/:id/verification': () => ({ decision: 'verified', motivation: 'Nagekeken in de KBO.' }),
  'POST /staff/invitations': () => ({ email: 'medewerker@example.org', roles: ['reviewer', 'minister'] }),
  'PUT /staff/:id/roles': () => ({ roles: ['reviewer'] }),
  'POST /staff/invitations/:id/withdraw': null,
  'POST /staff/:id/deactivate': null,
  'POST /staff/:id/reactivate': null,
  'POST /staff-invitations/accept': () => ({
    token: 'x'.repeat(43),
    displayName: 'Nieuwe medewerker',
    password: 'een lange zin als wachtwoord',
    locale: 'nl',
  }),
  'POST /staff-invitations/:token/accept': null,
  'POST /calls/:callId/dossiers': (ids) => ({ applicantId: ids.applicantId }),
  'PATCH /dossiers/:id': () => COMPLETE_DRAFT,
  'POST /dossiers/:id/attachments': () => ({ kind: 'BEGROTING' }),
  'DELETE /dossiers/:id/attachments/:attachmentId': null,
  'POST /dossiers/:id/submit': () => ({ declaration: true }),
  'POST /dossiers/:id/withdraw': null,
  'POST /notifications/:id/resend': null,
  'POST /notifications/resend': () => ({ ids: ['00000000-0000-4000-8000-000000000000'] }),
  'POST /dossiers/:id/admissibility': () => ({ decision: 'admissible', motivation: 'In orde.' }),
  'POST /calls/:id/admissibility': (ids) => ({
    decision: 'admissible',
    motivation: 'In orde.',
    dossierIds: [ids.dossierId],
  }),
  'POST /calls/:id/assignments': (ids) => ({ dossierId: ids.dossierId, perDossier: 1 }),
  'PUT /dossiers/:id/consensus': () => ({
    scores: [{ criterionCode: 'RELEVANTIE', score: 3, motivation: 'Consensus.' }],
  }),
  'POST /calls/:id/proposal': (ids) => ({
    marginRule: 'skip',
    envelopes: [{ code: 'ENV', budgetCents: 1000 }],
    envelopeOf: { [ids.dossierId]: 'ENV' },
    overrides: [{ dossierId: ids.dossierId, decision: 'select', motivation: 'Omdat.' }],
    adjustments: [{ dossierId: ids.dossierId, adjustedCents: 100, motivation: 'Omdat.' }],
    reserveSize: 2,
  }),
  'POST /calls/:id/proposal/send': null,
  'POST /calls/:id/budget-decisions': () => ({ budgetCents: 999_999_999, motivation: 'Bijkomende middelen.' }),
  'POST /calls/:id/proposal/return': () => ({ remarks: 'Graag herbekijken.' }),
  'POST /calls/:id/proposal/approve': () => ({ decisionDate: '2026-11-30', decisionReference: 'MB-1' }),
  'PUT /assignments/:id/scores': () => ({
    scores: [{ criterionCode: 'RELEVANTIE', score: 3, comment: 'Goed.' }],
    submit: false,
  }),
  'POST /assignments/:id/conflict': () => ({ reason: 'Familie.' }),
  'POST /assignments/:id/no-conflict': null,
  'PUT /calls/:id/panel': () => ({ perDossier: 2, dueAt: '2026-12-10T17:00' }),
  'POST /calls/:id/panel/members': () => ({ userId: '00000000-0000-4000-8000-000000000000' }),
  'DELETE /calls/:id/panel/members/:userId': null,
  'POST /calls/:id/panel/experts': () => ({ email: 'expert@example.org' }),
  'PUT /calls/:id/catalogue': () => ({
    catalogue: {
      objectives: [
        {
          name: 'Doel',
          actions: [{ text: 'Actie', budgetEur: 1000, rows: [{ unit: 'uur', maxUnits: 10, eurPerUnit: 50 }] }],
        },
      ],
    },
  }),
  'PUT /dossiers/:id/subscription': () => ({
    lines: [{ rowCode: 'O1.A1.R1', currentReach: 0, plannedExtraReach: 5 }],
    priorities: { 'O1.A1': 1 },
    ownContributionCents: 100,
  }),
  'POST /calls/:id/allocation': null,
  'POST /calls/:id/allocation/send': null,
  'POST /calls/:id/allocation/return': () => ({ remarks: 'Graag herbekijken.' }),
  'POST /calls/:id/allocation/approve': () => ({ decisionDate: '2026-11-30', decisionReference: 'MB-1' }),
  'POST /dossiers/:id/decline': () => ({ motivation: 'Project gaat niet door.' }),
  'POST /calls/:id/reserve-promotions': (ids) => ({ dossierId: ids.dossierId, motivation: 'Vrijgekomen budget.' }),
  'POST /reserve-promotions/:id/confirm': () => ({ decisionDate: '2026-11-30', decisionReference: 'MB-2' }),
  'POST /reserve-promotions/:id/refuse': () => ({ remarks: 'Niet nu.' }),
  'PUT /calls/:id/report-settings': () => ({
    interimRequired: true,
    interimDueAt: '2027-09-30T17:00',
    finalDueAt: '2028-03-31T17:00',
    indicators: [{ code: 'AANTAL', label: 'Aantal bereikte jongeren', questionCode: null }],
  }),
  'PUT /dossiers/:id/reports/:kind': () => ({
    narrative: 'Twaalf activiteiten.\nTweede regel.',
    indicators: [{ code: 'AANTAL', realised: 12 }],
    costLines: [{ description: 'Begeleiders', category: 'personnel', amountCents: 500_000 }],
  }),
  'POST /dossiers/:id/reports/:kind/submit': () => ({ declaration: true }),
  'POST /reports/:id/approve': () => ({ acceptedTotalCents: 400_000, motivation: 'Akkoord.' }),
  'POST /reports/:id/request-changes': () => ({ motivation: 'Graag de facturen.' }),
  'POST /reports/:id/documents': null,
  'DELETE /reports/:id/documents/:documentId': null,
  'POST /dossiers/:id/change-requests': () => ({
    kind: 'period',
    motivation: 'De zomerwerking loopt langer.',
    newEndDate: '2028-04-15',
    grantedCentsAfter: null,
  }),
  'POST /change-requests/:id/approve': () => ({ motivation: 'Akkoord.' }),
  'POST /change-requests/:id/refuse': () => ({ motivation: 'Niet nodig.' }),
  'POST /dossiers/:id/acceptance': () => ({
    decision: 'accepted',
    conditionsSha256: 'a'.repeat(64),
    iban: 'BE68 5390 0754 7034',
  }),
  'PUT /calls/:id/payment-schedule': () => ({
    tranches: [
      { shareBasisPoints: 8000, trigger: 'acceptance' },
      { shareBasisPoints: 2000, trigger: 'final_report_approved' },
    ],
  }),
  'POST /calls/:id/payment-batches': null,
  'POST /payment-batches/:id/approve': null,
  'POST /payment-batches/:id/cancel': null,
  'POST /payment-batches/:id/paid': () => ({ executionDate: '2026-12-04' }),
  'POST /recoveries/:id/repayments': () => ({ amountCents: 100, paidOn: '2026-12-01' }),
};

describe('fuzz: malformed input at every write endpoint never gives a 500 or a partial write', () => {
  let api: TestApi;
  let writes: RouteEntry[];
  let ids: Ids;
  const personas = {} as Record<'applicant' | 'admin' | 'minister' | 'reviewer', Session>;

  beforeAll(async () => {
    api = await startApi();
    const routes = routeTable(api.app.get(DiscoveryService), api.app.get(MetadataScanner), api.app.get(Reflector));
    // Logout (here or everywhere) ends the session the fuzzer uses; worker-ping reads no body and waits for a worker (tested in health-and-worker).
    writes = routes.filter(
      (route) => route.method !== 'GET' && !['logout', 'logoutEverywhere', 'pingWorker'].includes(route.handler),
    );
    const a = await applicantWithOrganisation(api);
    const call = await createCall(api);
    const { id } = await completeDossier(api, a, call.id);
    ids = { callId: call.id, dossierId: id, applicantId: a.applicantId };
    personas.applicant = a;
    for (const role of ['admin', 'minister', 'reviewer'] as const) {
      personas[role] = await session(api, await createUser(api, [role]));
    }
  });

  afterAll(async () => {
    await api.close();
  });

  /** The persona the route is for, so the body reaches validation instead of a 403. */
  function personaFor(route: RouteEntry): Session {
    if (route.access?.kind !== 'roles') return personas.applicant;
    const roles = route.access.roles;
    return personas[(['admin', 'minister', 'reviewer'] as const).find((role) => roles.includes(role)) ?? 'applicant'];
  }

  function pathOf(route: RouteEntry): string {
    return `/api/v1${route.path}`
      .replace(':callId', ids.callId)
      .replace(':attachmentId', '00000000-0000-4000-8000-000000000000')
      .replace(':documentId', '00000000-0000-4000-8000-000000000000')
      .replace(':kind', 'final')
      .replace(':userId', '00000000-0000-4000-8000-000000000000')
      .replace(':token', 'x'.repeat(40))
      .replace(
        ':id',
        route.path.startsWith('/calls')
          ? ids.callId
          : route.path.startsWith('/applicants')
            ? ids.applicantId
            : route.path.startsWith('/notifications')
              ? '00000000-0000-4000-8000-000000000000'
              : ids.dossierId,
      );
  }

  /**
   * Row counts of every table a write could touch and the newest change of the mutable ones, in one query. Audit
   * events count too, except failed and blocked logins: those refusals are audited on purpose (security log).
   */
  async function snapshot(): Promise<string> {
    const [row] = await api.dataSource.query(
      `SELECT ${TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS "${table}"`).join(', ')}, (SELECT max(updated_at) FROM dossiers) AS dossier_change, (SELECT max(version) FROM calls) AS call_version, (SELECT string_agg(display_name || locale, ',' ORDER BY email) FROM users) AS people, (SELECT count(*) FROM audit_events WHERE action NOT IN ('auth.login_failed', 'auth.login_blocked')) AS audit_events`,
    );
    return JSON.stringify(row);
  }

  /** Sends one raw JSON body; records a 5xx, a 4xx without a code, or a refusal that wrote anything. */
  async function probe(route: RouteEntry, json: string, problems: string[]): Promise<void> {
    const who = personaFor(route);
    const path = pathOf(route);
    const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
    let version = '1';
    if (route.method === 'PATCH' && route.path === '/dossiers/:id') {
      const [row] = await api.dataSource.query('SELECT version FROM dossiers WHERE id = $1', [ids.dossierId]);
      version = String(row.version);
    }
    const before = await snapshot();
    const response = await who.agent[method](path)
      .set('If-Match', version)
      .set('Content-Type', 'application/json')
      .send(json);
    if (response.status >= 500) problems.push(`${route.method} ${path}: ${response.status} for ${json.slice(0, 200)}`);
    if (response.status >= 400) {
      if (!response.body?.code) problems.push(`${route.method} ${path}: ${response.status} without an error code`);
      const after = await snapshot();
      if (after !== before)
        problems.push(`${route.method} ${path}: refused (${response.status}) but wrote: ${before} -> ${after}`);
    }
  }

  it('covers the write endpoints, each with a sample body', () => {
    expect(writes.length).toBeGreaterThanOrEqual(15);
    expect(writes.map((route) => `${route.method} ${route.path}`).filter((key) => !(key in SAMPLES))).toEqual([]);
  });

  it('every write endpoint answers random and hostile bodies with a 2xx or a clear 4xx', async () => {
    const problems: string[] = [];
    for (const route of writes) {
      await fc.assert(
        fc.asyncProperty(body, (payload) => probe(route, JSON.stringify(payload), problems)),
        { numRuns: RUNS_PER_ENDPOINT, seed: 20261123 },
      );
      const who = personaFor(route);
      const raw = await who.agent[route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete'](pathOf(route))
        .set('Content-Type', 'application/json')
        .send('{"title": "unterminated');
      if (raw.status !== 400 || raw.body.code !== 'MALFORMED_REQUEST')
        problems.push(`${route.method} ${route.path}: malformed JSON gave ${raw.status}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('NUL, lone surrogates, bidi overrides, 10,000 characters, impossible dates, edge numbers, deep nesting and huge lists: never a 5xx, nothing written on a refusal', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const route of writes) {
      const sample = SAMPLES[`${route.method} ${route.path}`]?.(ids) ?? {};
      const cases: string[] = [...HOSTILE_BODIES];
      // Each hostile value in each field, the other fields valid.
      for (const leaf of leaves(sample)) {
        for (const value of hostileFor(leaf.value)) cases.push(serialize(withLeaf(sample, leaf.path, value)));
      }
      // Routes that read no body (or a small one): the values in a field the route does not know.
      for (const value of [...HOSTILE_TEXT, ...IMPOSSIBLE_DATES.slice(0, 1), ...EDGE_NUMBERS.slice(3, 4)]) {
        cases.push(serialize({ ...sample, title: value }));
      }
      for (const json of cases) {
        await probe(route, json, problems);
        sent++;
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(writes.length * 10);
  }, 300_000);
});
