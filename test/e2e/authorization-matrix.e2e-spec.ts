import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { CSRF_HEADER, type Role } from '@portal/contracts';
import { NotificationEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { routeTable, type RouteEntry } from '../../apps/api/src/common/route-table';
import { applicantWithOrganisation, completeDossier, createCall, createUser } from '../support/factories';
import { session, startApi, startWorker, type Session, type TestApi } from '../support/test-app';

type Persona = 'anonymous' | 'applicantA' | 'applicantB' | 'reviewer' | 'admin' | 'minister';
const PERSONAS: Persona[] = ['anonymous', 'applicantA', 'applicantB', 'reviewer', 'admin', 'minister'];
const ROLE_OF: Record<Persona, Role | null> = {
  anonymous: null,
  applicantA: 'applicant',
  applicantB: 'applicant',
  reviewer: 'reviewer',
  admin: 'admin',
  minister: 'minister',
};

interface Fixtures {
  callId: string;
  dossierId: string;
  attachmentId: string;
  applicantId: string;
  notificationId: string;
}

/**
 * Every route of the application must be listed here: `owner` marks routes on objects of applicant A
 * (applicant B must get 404 there, never data), `body` is a request body that passes validation so the
 * object check is what decides. A route missing from this table fails the test.
 */
const EXPECTATIONS: Record<
  string,
  {
    owner?: 'applicantA';
    /** With owner: the admin sees every applicant's object too. */
    adminSees?: boolean;
    body?: (f: Fixtures) => object;
    multipart?: boolean;
    allow?: number[];
  }
> = {
  'GET /api/v1/auth/csrf': {},
  // Wrong credentials: 401 INVALID_CREDENTIALS is the route's own answer, not an access decision.
  'POST /api/v1/auth/login': { body: () => ({ email: 'nobody@example.org', password: 'x' }), allow: [401] },
  'POST /api/v1/auth/register': { body: () => ({ email: 'bad', password: 'x', displayName: 'x' }) },
  'POST /api/v1/auth/logout': {},
  // Ends every session of the persona: checked in its own test below, with sessions of its own.
  'POST /api/v1/auth/logout-everywhere': {},
  // A wrong current password: 400 CURRENT_PASSWORD_INVALID is the route's own answer.
  'POST /api/v1/auth/password': { body: () => ({ currentPassword: 'x', newPassword: 'een-lang-wachtwoord-2026' }) },
  'POST /api/v1/auth/password-reset': { body: () => ({ email: 'nobody@example.org' }) },
  'POST /api/v1/auth/password-reset/confirm': {
    body: () => ({ token: 'x'.repeat(43), password: 'een-lang-wachtwoord' }),
  },
  // Every persona's address is confirmed: 409 EMAIL_ALREADY_VERIFIED is the route's own answer.
  'POST /api/v1/auth/email-verification': {},
  'POST /api/v1/auth/email-verification/confirm': { body: () => ({ token: 'x'.repeat(43) }) },
  'GET /api/v1/auth/me': {},
  // An unknown challenge: 401 SECOND_FACTOR_CHALLENGE_INVALID is the route's own answer.
  'POST /api/v1/auth/login/totp': { body: () => ({ challenge: 'x'.repeat(43), code: '123456' }), allow: [401] },
  'GET /api/v1/auth/second-factor': {},
  'POST /api/v1/auth/second-factor/enrolment': {},
  'POST /api/v1/auth/second-factor/enrolment/confirm': { body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/second-factor/disable': { body: () => ({ password: 'niet-het-wachtwoord' }) },
  'POST /api/v1/auth/second-factor/recovery-codes': { body: () => ({ password: 'niet-het-wachtwoord' }) },
  'GET /api/v1/auth/me/export': {},
  'PATCH /api/v1/auth/me': { body: () => ({}) },
  // Single sign-on: off in this suite, so the browser navigations answer with a redirect to the login page.
  'GET /api/v1/auth/oidc/status': {},
  'GET /api/v1/auth/oidc/login': {},
  'GET /api/v1/auth/oidc/callback': {},
  'GET /api/health': {},
  'POST /api/v1/system/worker-ping': {},
  'GET /api/v1/calls': {},
  'GET /api/v1/calls/:id': {},
  'POST /api/v1/calls': { body: () => ({}) },
  'PATCH /api/v1/calls/:id': { body: () => ({}) },
  'POST /api/v1/calls/:id/publish': {},
  'POST /api/v1/applicants': { body: () => ({}) },
  'GET /api/v1/applicants/mine': {},
  'GET /api/v1/applicants/:id/members': { owner: 'applicantA' },
  'POST /api/v1/applicants/:id/invitations': { owner: 'applicantA', body: () => ({ email: 'colleague@example.org' }) },
  'POST /api/v1/invitations/:token/accept': {},
  'GET /api/v1/applicant-verifications': {},
  // Verifying applicant A changes nothing the other routes depend on (a rejection would stop its submits).
  'POST /api/v1/applicants/:id/verification': { body: () => ({ decision: 'verified' }) },
  'GET /api/v1/staff': {},
  'POST /api/v1/staff/invitations': { body: () => ({ email: 'staff@example.org', roles: ['reviewer'] }) },
  'PUT /api/v1/staff/:id/roles': { body: () => ({ roles: ['reviewer'] }) },
  'POST /api/v1/staff/invitations/:id/withdraw': {},
  'POST /api/v1/staff/:id/deactivate': {},
  'POST /api/v1/staff/:id/reactivate': {},
  'GET /api/v1/staff-invitations/:token': {},
  'POST /api/v1/staff-invitations/accept': {
    body: () => ({ token: 'x'.repeat(43), displayName: 'Nieuwe medewerker', password: 'een-lang-wachtwoord' }),
  },
  'POST /api/v1/staff-invitations/:token/accept': {},
  'POST /api/v1/calls/:callId/dossiers': { owner: 'applicantA', body: (f) => ({ applicantId: f.applicantId }) },
  'GET /api/v1/dossiers/mine': {},
  'GET /api/v1/dossiers/:id': { owner: 'applicantA' },
  'PATCH /api/v1/dossiers/:id': { owner: 'applicantA', body: () => ({}) },
  'POST /api/v1/dossiers/:id/attachments': { owner: 'applicantA', multipart: true },
  'DELETE /api/v1/dossiers/:id/attachments/:attachmentId': { owner: 'applicantA' },
  'POST /api/v1/dossiers/:id/submit': { owner: 'applicantA', body: () => ({ declaration: true }) },
  'POST /api/v1/dossiers/:id/withdraw': { owner: 'applicantA' },
  'GET /api/v1/dossiers/:id/receipt': { owner: 'applicantA' },
  'GET /api/v1/admin/audit-events': {},
  'GET /api/v1/admin/audit-events/export': {},
  'GET /api/v1/notifications': {},
  'POST /api/v1/notifications/:id/resend': {},
  'GET /api/v1/notifications/stuck': {},
  // An id that does not exist: refused as not-found in the answer, nothing resent.
  'POST /api/v1/notifications/resend': { body: () => ({ ids: ['00000000-0000-4000-8000-000000000000'] }) },
  'GET /api/v1/calls/:id/admissibility': {},
  'POST /api/v1/dossiers/:id/admissibility': { body: () => ({ decision: 'admissible', motivation: 'In orde.' }) },
  'POST /api/v1/calls/:id/admissibility': { body: () => ({ decision: 'admissible', motivation: 'In orde.' }) },
  'GET /api/v1/calls/:id/assignments': {},
  'POST /api/v1/calls/:id/assignments': { body: () => ({ perDossier: 1 }) },
  'GET /api/v1/calls/:id/scores': {},
  'PUT /api/v1/dossiers/:id/consensus': { body: () => ({ scores: [] }) },
  'GET /api/v1/calls/:id/ranking': {},
  'GET /api/v1/calls/:id/ranking/export': {},
  'POST /api/v1/calls/:id/proposal': { body: () => ({ marginRule: 'skip' }) },
  'GET /api/v1/calls/:id/proposal': {},
  'GET /api/v1/calls/:id/proposal/export': {},
  'POST /api/v1/calls/:id/proposal/send': {},
  'GET /api/v1/calls/:id/budget-decisions': {},
  'POST /api/v1/calls/:id/budget-decisions': {
    body: () => ({ budgetCents: 999_999_999, motivation: 'Extra middelen.' }),
  },
  'POST /api/v1/calls/:id/proposal/return': { body: () => ({ remarks: 'Graag herbekijken.' }) },
  'POST /api/v1/calls/:id/proposal/approve': {
    body: () => ({ decisionDate: '2026-11-30', decisionReference: 'MB-1' }),
  },
  'GET /api/v1/assignments/mine': {},
  'GET /api/v1/assignments/:id': {},
  'PUT /api/v1/assignments/:id/scores': { body: () => ({ scores: [], submit: false }) },
  'POST /api/v1/assignments/:id/conflict': { body: () => ({ reason: 'Familie.' }) },
  'POST /api/v1/assignments/:id/no-conflict': {},
  'GET /api/v1/calls/:id/panel': {},
  'PUT /api/v1/calls/:id/panel': { body: () => ({ perDossier: 2, dueAt: null }) },
  // An unknown reviewer: 409 PANEL_MEMBER_NOT_REVIEWER / 404 are the route's own answers.
  'POST /api/v1/calls/:id/panel/members': { body: () => ({ userId: '00000000-0000-4000-8000-000000000000' }) },
  'DELETE /api/v1/calls/:id/panel/members/:userId': {},
  'POST /api/v1/calls/:id/panel/experts': { body: () => ({ email: `expert-${Date.now()}@example.org` }) },
  // Catalogue calls: the fixture call and dossier are a project's, so the owner gets 409 NOT_A_CATALOGUE_CALL.
  'GET /api/v1/calls/:id/catalogue': {},
  'PUT /api/v1/calls/:id/catalogue': { body: () => ({ catalogue: {} }) },
  'GET /api/v1/calls/:id/catalogue-report': {},
  'GET /api/v1/calls/:id/catalogue-report/export': {},
  'GET /api/v1/dossiers/:id/subscription': { owner: 'applicantA' },
  'PUT /api/v1/dossiers/:id/subscription': {
    owner: 'applicantA',
    body: () => ({ lines: [], priorities: {}, ownContributionCents: 0 }),
  },
  'GET /api/v1/dossiers/:id/allocation': { owner: 'applicantA' },
  'POST /api/v1/calls/:id/allocation': {},
  'GET /api/v1/calls/:id/allocation': {},
  'GET /api/v1/calls/:id/allocation/export': {},
  'POST /api/v1/calls/:id/allocation/send': {},
  'POST /api/v1/calls/:id/allocation/return': { body: () => ({ remarks: 'Graag herbekijken.' }) },
  'POST /api/v1/calls/:id/allocation/approve': {
    body: () => ({ decisionDate: '2026-11-30', decisionReference: 'MB-1' }),
  },
  'GET /api/v1/dossiers/:id/decision': { owner: 'applicantA', adminSees: true },
  'GET /api/v1/dossiers/:id/decision/letter': { owner: 'applicantA', adminSees: true },
  'POST /api/v1/dossiers/:id/decline': { owner: 'applicantA', body: () => ({ motivation: 'Project gaat niet door.' }) },
  'GET /api/v1/calls/:id/reserve': {},
  // After the decision (ADR 0023): acceptance, payment schedule and batches. The fixture dossier is not awarded, so
  // the organisation's answer is refused by the route itself (409 NOT_AWARDED) once access was granted.
  'GET /api/v1/dossiers/:id/acceptance': { owner: 'applicantA', adminSees: true },
  'POST /api/v1/dossiers/:id/acceptance': {
    owner: 'applicantA',
    body: () => ({ decision: 'declined', conditionsSha256: '0'.repeat(64), motivation: 'Project gaat niet door.' }),
  },
  'GET /api/v1/calls/:id/acceptances': {},
  'GET /api/v1/calls/:id/payment-schedule': {},
  'PUT /api/v1/calls/:id/payment-schedule': {
    body: () => ({ tranches: [{ shareBasisPoints: 10000, trigger: 'acceptance' }] }),
  },
  'GET /api/v1/calls/:id/payment-batches': {},
  'POST /api/v1/calls/:id/payment-batches': {},
  'GET /api/v1/payment-batches/:id': {},
  'POST /api/v1/payment-batches/:id/approve': {},
  'POST /api/v1/payment-batches/:id/cancel': {},
  'POST /api/v1/payment-batches/:id/paid': { body: () => ({ executionDate: '2026-12-04' }) },
  'GET /api/v1/payment-batches/:id/sepa': {},
  'GET /api/v1/payment-batches/:id/csv': {},
  // After the final report (ADR 0025): the fixture dossier is not awarded, so the owner hears 409
  // (AWARDED_DOSSIERS_ONLY, NO_RECOVERY) once access was granted; another applicant 404.
  'GET /api/v1/calls/:id/ledger': {},
  'GET /api/v1/calls/:id/ledger/export': {},
  'GET /api/v1/ledger/mine': {},
  'GET /api/v1/ledger/mine/export': {},
  'GET /api/v1/dossiers/:id/finances': { owner: 'applicantA', adminSees: true },
  'GET /api/v1/dossiers/:id/recovery/letter': { owner: 'applicantA', adminSees: true },
  'GET /api/v1/calls/:id/recoveries': {},
  'GET /api/v1/recoveries/:id': {},
  'POST /api/v1/recoveries/:id/repayments': { body: () => ({ amountCents: 100, paidOn: '2026-12-01' }) },
  'GET /api/v1/proposals': {},
  'GET /api/v1/dossiers/:id/attachments/:attachmentId': { owner: 'applicantA', adminSees: true },
  'GET /api/v1/assignments/:id/attachments/:attachmentId': {},
  'POST /api/v1/calls/:id/reserve-promotions': {
    body: (f) => ({ dossierId: f.dossierId, motivation: 'Vrijgekomen budget.' }),
  },
  'POST /api/v1/reserve-promotions/:id/confirm': {
    body: () => ({ decisionDate: '2026-11-30', decisionReference: 'MB-2' }),
  },
  'POST /api/v1/reserve-promotions/:id/refuse': { body: () => ({ remarks: 'Niet nu.' }) },
  // After the award (ADR 0024): the fixture dossier is not awarded and its call has no reporting, so the owner hears
  // 409 (REPORTS_NOT_CONFIGURED, AWARDED_DOSSIERS_ONLY) and another applicant 404.
  'GET /api/v1/dossiers/:id/reports': { owner: 'applicantA', adminSees: true },
  'GET /api/v1/dossiers/:id/reports/:kind': { owner: 'applicantA', adminSees: true },
  'PUT /api/v1/dossiers/:id/reports/:kind': { owner: 'applicantA', body: () => ({ narrative: 'Verslag.' }) },
  'POST /api/v1/dossiers/:id/reports/:kind/submit': { owner: 'applicantA', body: () => ({ declaration: true }) },
  'GET /api/v1/reports/:id': {},
  // A report's supporting documents: the fixture dossier has no report, so every persona allowed hears 404.
  'GET /api/v1/reports/:id/documents': {},
  'POST /api/v1/reports/:id/documents': { multipart: true },
  'DELETE /api/v1/reports/:id/documents/:documentId': {},
  'GET /api/v1/reports/:id/documents/:documentId': {},
  'POST /api/v1/reports/:id/approve': { body: () => ({}) },
  'POST /api/v1/reports/:id/request-changes': { body: () => ({ motivation: 'Graag de facturen.' }) },
  'GET /api/v1/calls/:id/report-settings': {},
  'PUT /api/v1/calls/:id/report-settings': {
    body: () => ({ interimRequired: false, interimDueAt: null, finalDueAt: '2027-03-31T17:00', indicators: [] }),
  },
  'GET /api/v1/calls/:id/reports': {},
  'GET /api/v1/dossiers/:id/change-requests': { owner: 'applicantA', adminSees: true },
  'POST /api/v1/dossiers/:id/change-requests': {
    owner: 'applicantA',
    body: () => ({ kind: 'other', motivation: 'Een andere partner voor de zomerwerking.' }),
  },
  'GET /api/v1/calls/:id/change-requests': {},
  'POST /api/v1/change-requests/:id/approve': { body: () => ({ motivation: 'Akkoord.' }) },
  'POST /api/v1/change-requests/:id/refuse': { body: () => ({ motivation: 'Niet nodig.' }) },
};

function fullPath(route: RouteEntry): string {
  const version = route.path.startsWith('/health') ? '' : '/v1';
  return `/api${version}${route.path}`.replace(/\/$/, '');
}

function fill(path: string, f: Fixtures): string {
  return path
    .replace(':callId', f.callId)
    .replace(':attachmentId', f.attachmentId)
    .replace(':documentId', '00000000-0000-4000-8000-000000000000')
    .replace(':kind', 'final')
    .replace(':userId', '00000000-0000-4000-8000-000000000000')
    .replace(':token', randomBytes(32).toString('base64url'))
    .replace(
      ':id',
      path.startsWith('/api/v1/calls')
        ? f.callId
        : path.startsWith('/api/v1/applicants')
          ? f.applicantId
          : path.startsWith('/api/v1/notifications')
            ? f.notificationId
            : f.dossierId,
    );
}

describe('authorization matrix: every route, every role, own and other objects', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let routes: RouteEntry[];
  let fixtures: Fixtures;
  const sessions = {} as Record<Persona, Session>;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker(api.config);
    routes = routeTable(api.app.get(DiscoveryService), api.app.get(MetadataScanner), api.app.get(Reflector));
    const a = await applicantWithOrganisation(api);
    const b = await applicantWithOrganisation(api);
    const call = await createCall(api);
    const { id } = await completeDossier(api, a, call.id);
    await a.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    const dossier = await a.agent.get(`/api/v1/dossiers/${id}`).expect(200);
    const notification = await api.dataSource.getRepository(NotificationEntity).save({
      template: 'dossier.withdrawn',
      recipient: 'matrix@example.org',
      locale: 'nl',
      payload: {},
    });
    fixtures = {
      callId: call.id,
      dossierId: id,
      attachmentId: dossier.body.attachments[0].id,
      applicantId: a.applicantId,
      notificationId: notification.id,
    };
    sessions.anonymous = await session(api);
    sessions.applicantA = a;
    sessions.applicantB = b;
    sessions.reviewer = await session(api, await createUser(api, ['reviewer']));
    sessions.admin = await session(api, await createUser(api, ['admin']));
    sessions.minister = await session(api, await createUser(api, ['minister']));
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('lists every route of the application (a new route needs a rule here)', () => {
    const actual = routes.map((route) => `${route.method} ${fullPath(route)}`).sort();
    expect(actual).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it('answers each persona as the route declares', async () => {
    const failures: string[] = [];
    // Logging out ends the session: it goes last.
    const ordered = [...routes].sort((x, y) => Number(x.handler === 'logout') - Number(y.handler === 'logout'));
    for (const route of ordered) {
      const key = `${route.method} ${fullPath(route)}`;
      const expectation = EXPECTATIONS[key];
      if (!expectation || !route.access || route.handler === 'logoutEverywhere') continue;
      for (const persona of PERSONAS) {
        const { agent, csrf } = sessions[persona];
        const path = fill(fullPath(route), fixtures);
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
        let request = agent[method](path).set(CSRF_HEADER, csrf).set('If-Match', '1');
        if (expectation.multipart) request = request.field('kind', 'BEGROTING');
        else if (expectation.body) request = request.send(expectation.body(fixtures));
        const { status } = await request;

        const role = ROLE_OF[persona];
        const rule = route.access;
        let expected: 'ok' | 401 | 403 | 404;
        if (rule.kind === 'public') expected = 'ok';
        else if (!role) expected = 401;
        else if (rule.kind === 'roles' && !rule.roles.includes(role)) expected = 403;
        else if (expectation.owner && persona !== expectation.owner && !(expectation.adminSees && persona === 'admin'))
          expected = 404;
        else expected = 'ok';

        const ok =
          expected === 'ok'
            ? status < 500 &&
              (![401, 403].includes(status) || (expectation.allow ?? []).includes(status)) &&
              !(expectation.owner && status === 404)
            : status === expected;
        if (!ok) failures.push(`${key} as ${persona}: expected ${expected}, got ${status}`);
        if (status >= 500) failures.push(`${key} as ${persona}: server error ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('log out everywhere: 401 for anonymous; any logged-in role ends its own sessions', async () => {
    const path = '/api/v1/auth/logout-everywhere';
    const anonymous = await session(api);
    expect((await anonymous.agent.post(path)).status).toBe(401);
    const roles: Role[] = ['applicant', 'reviewer', 'admin', 'minister'];
    for (const role of roles) {
      const own = await session(api, await createUser(api, [role]));
      expect((await own.agent.post(path)).status).toBe(200);
      expect((await own.agent.get('/api/v1/auth/me')).status).toBe(401);
    }
  });
});
