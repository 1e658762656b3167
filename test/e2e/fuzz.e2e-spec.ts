import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { CSRF_HEADER } from '@portal/contracts';
import fc from 'fast-check';
import { routeTable, type RouteEntry } from '../../apps/api/src/common/route-table';
import { applicantWithOrganisation, completeDossier, createCall, createUser } from '../support/factories';
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
];

describe('fuzz: malformed input at every write endpoint never gives a 500 or a partial write', () => {
  let api: TestApi;
  let writes: RouteEntry[];
  const ids: Record<string, string> = {};
  let applicant: Session;
  let admin: Session;

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
    ids.callId = call.id;
    ids.dossierId = id;
    ids.applicantId = a.applicantId;
    applicant = a;
    admin = await session(api, await createUser(api, ['admin']));
  });

  afterAll(async () => {
    await api.close();
  });

  /** Row counts and the newest change of every table that a write could touch, in one query. */
  async function snapshot(): Promise<string> {
    const [row] = await api.dataSource.query(
      `SELECT ${TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS "${table}"`).join(', ')}, (SELECT max(updated_at) FROM dossiers) AS dossier_change, (SELECT max(version) FROM calls) AS call_version`,
    );
    return JSON.stringify(row);
  }

  it('covers the write endpoints', () => {
    expect(writes.length).toBeGreaterThanOrEqual(15);
  });

  it('every write endpoint answers random and hostile bodies with a 2xx or a clear 4xx', async () => {
    const problems: string[] = [];
    for (const route of writes) {
      const who = route.access?.kind === 'roles' && route.access.roles.includes('admin') ? admin : applicant;
      const path = `/api/v1${route.path}`
        .replace(':callId', ids.callId)
        .replace(':attachmentId', '00000000-0000-4000-8000-000000000000')
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
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await snapshot();
          const response = await who.agent[method](path)
            .set(CSRF_HEADER, who.csrf)
            .set('If-Match', '1')
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(payload));
          if (response.status >= 500)
            problems.push(`${route.method} ${path}: ${response.status} for ${JSON.stringify(payload).slice(0, 200)}`);
          if (response.status >= 400) {
            if (!response.body?.code)
              problems.push(`${route.method} ${path}: ${response.status} without an error code`);
            const after = await snapshot();
            if (after !== before)
              problems.push(`${route.method} ${path}: refused (${response.status}) but wrote: ${before} -> ${after}`);
          }
        }),
        { numRuns: RUNS_PER_ENDPOINT, seed: 20261123 },
      );
      const raw = await who.agent[method](path)
        .set(CSRF_HEADER, who.csrf)
        .set('Content-Type', 'application/json')
        .send('{"title": "unterminated');
      if (raw.status !== 400 || raw.body.code !== 'MALFORMED_REQUEST')
        problems.push(`${route.method} ${path}: malformed JSON gave ${raw.status}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
