import { CSRF_HEADER, IDEMPOTENCY_HEADER } from '@portal/contracts';
import { DossierEntity, NotificationEntity, type AppConfig } from '@portal/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import {
  applicantWithOrganisation,
  completeDossier,
  createCall,
  createUser,
  organisationInput,
} from '../support/factories';
import { binary } from '../support/http';
import { approve, assessedCall, sendProposal } from '../support/lifecycle';
import {
  baseUrl,
  remoteApi,
  startPortalProcess,
  stopPortalProcesses,
  type PortalProcess,
} from '../support/portal-processes';
import { many, race, serverErrors, tally } from '../support/race';
import { SmtpSink } from '../support/smtp-sink';
import {
  createTestDatabase,
  DEMO_PASSWORD,
  openDataSource,
  session,
  type Session,
  type TestApi,
} from '../support/test-app';
import { testConfig } from '../support/test-env';

/**
 * Scale-out: two API processes and two workers, started from the built output (`npm run build`) like production, on
 * one database and one Redis prefix. Requests alternate between the APIs as a load balancer without sticky sessions
 * would send them; whatever one instance knows, the other must know too (nothing lives in a process).
 */
const UPLOAD_LIMIT = 4;

/** The same browser (same cookies: they are per host, not per port) talking to another API instance. */
function onOtherApi(from: Session, api: TestApi): Session {
  const agent = request.agent(api.app.getHttpServer());
  agent.jar = from.agent.jar;
  agent.set(CSRF_HEADER, from.csrf);
  return { agent, csrf: from.csrf };
}

/** `name=value; ...` of the cookies a response set. */
function cookiesOf(response: request.Response): string {
  const set = response.headers['set-cookie'] as unknown as string[] | undefined;
  return (set ?? []).map((line) => line.split(';')[0]).join('; ');
}

describe('scale-out: two APIs and two workers (built output) on one database and one Redis', () => {
  const processes: PortalProcess[] = [];
  const uploadDirs: string[] = [];
  let sink: SmtpSink;
  let config: AppConfig;
  let dataSource: DataSource | undefined;
  let apis: TestApi[];

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.start();
    const database = await createTestDatabase();
    config = testConfig(database, {
      SMTP_URL: sink.url,
      UPLOAD_LIMIT_PER_USER: String(UPLOAD_LIMIT),
      MIGRATIONS: 'check',
      OUTBOX_POLL_MS: '100',
      // No reminder scan during the test: the mails counted are exactly those the requests caused.
      REMINDER_SCAN_MS: '3600000',
    });
    dataSource = await openDataSource(config);
    // Each API gets a folder of its own: an attachment must not depend on the instance that received it.
    for (const name of ['api-1', 'api-2']) uploadDirs.push(mkdtempSync(join(tmpdir(), `portal-scale-${name}-`)));
    const starts = await Promise.allSettled([
      startPortalProcess('api', 'API 1', config, { UPLOAD_DIR: uploadDirs[0] }),
      startPortalProcess('api', 'API 2', config, { UPLOAD_DIR: uploadDirs[1] }),
      startPortalProcess('worker', 'worker 1', config),
      startPortalProcess('worker', 'worker 2', config),
    ]);
    for (const start of starts) if (start.status === 'fulfilled') processes.push(start.value);
    const failed = starts.find((start) => start.status === 'rejected');
    if (failed) throw failed.reason;
    apis = processes.slice(0, 2).map((api) => remoteApi(api, config, dataSource!));
  });

  afterAll(async () => {
    await stopPortalProcesses(processes);
    await dataSource?.destroy();
    await sink?.stop();
    for (const dir of uploadDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a login on API 1 is a session on API 2 (with its CSRF token); a logout on API 2 ends it on API 1', async () => {
    const email = await createUser(apis[0]);
    const [one, two] = processes.map(baseUrl);
    const csrf = await request(one).get('/api/v1/auth/csrf').expect(200);
    const login = await request(one)
      .post('/api/v1/auth/login')
      .set('Cookie', cookiesOf(csrf))
      .set(CSRF_HEADER, csrf.body.csrfToken as string)
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    const cookies = cookiesOf(login);
    const token = login.body.csrfToken as string;
    expect((await request(two).get('/api/v1/auth/me').set('Cookie', cookies).expect(200)).body.user.email).toBe(email);
    // A change on API 2 with the token API 1 issued; without it, API 2 refuses.
    await request(two).post('/api/v1/applicants').set('Cookie', cookies).send(organisationInput()).expect(403);
    await request(two)
      .post('/api/v1/applicants')
      .set('Cookie', cookies)
      .set(CSRF_HEADER, token)
      .send(organisationInput())
      .expect(201);
    await request(two).post('/api/v1/auth/logout').set('Cookie', cookies).set(CSRF_HEADER, token).expect(200);
    // The same cookie a browser may still hold: the session is ended in the database, for every instance.
    await request(one).get('/api/v1/auth/me').set('Cookie', cookies).expect(401);
    await request(two).get('/api/v1/auth/me').set('Cookie', cookies).expect(401);
  });

  it('rate limits count across both APIs: uploads alternated over them are refused at the combined limit', async () => {
    const user = await applicantWithOrganisation(apis[0]);
    const call = await createCall(apis[0]);
    const sessions = [user, onOtherApi(user, apis[1])];
    const dossier = await sessions[1].agent
      .post(`/api/v1/calls/${call.id}/dossiers`)
      .send({ applicantId: user.applicantId })
      .expect(201);
    const statuses: string[] = [];
    for (let index = 0; index <= UPLOAD_LIMIT; index++) {
      const response = await sessions[index % 2].agent
        .post(`/api/v1/dossiers/${dossier.body.id}/attachments`)
        .field('kind', 'BEGROTING')
        .attach('file', Buffer.from(`%PDF-1.4\n% upload ${index}\n%%EOF\n`), 'begroting.pdf');
      statuses.push(response.status === 429 ? `429 ${response.body.code}` : String(response.status));
    }
    // Each API alone saw at most 3 uploads: only a shared count refuses the 5th.
    expect(statuses).toEqual([...Array<string>(UPLOAD_LIMIT).fill('201'), '429 UPLOAD_RATE_LIMITED']);
  });

  it('ten concurrent starts of one dossier, split over both APIs, leave one dossier', async () => {
    const user = await applicantWithOrganisation(apis[1]);
    const call = await createCall(apis[0]);
    const sessions = [onOtherApi(user, apis[0]), user];
    const results = await race(
      many(10, 'start', sessions, (s) =>
        s.agent.post(`/api/v1/calls/${call.id}/dossiers`).send({ applicantId: user.applicantId }),
      ),
    );
    expect(serverErrors(results)).toEqual([]);
    // One creates it (201); the others get the live dossier back (200), the documented answer to a second start.
    expect(tally(results)).toEqual({ start: { 200: 9, 201: 1 } });
    expect(new Set(results.map((r) => (r.body as { id: string }).id)).size).toBe(1);
    expect(await dataSource!.getRepository(DossierEntity).countBy({ callId: call.id })).toBe(1);
  });

  it('organisations submitting at once over both APIs get references 1..N, without gaps or duplicates', async () => {
    const call = await createCall(apis[0]);
    const count = 12;
    const submitters: Session[] = [];
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const api = apis[index % 2];
      const owner = await applicantWithOrganisation(api);
      ids.push((await completeDossier(api, owner, call.id)).id);
      // Built on one instance, submitted on the other.
      submitters.push(onOtherApi(owner, apis[(index + 1) % 2]));
    }
    const results = await race(
      submitters.map((submitter, index) => ({
        label: 'submit',
        session: submitter,
        request: (s: Session) =>
          s.agent
            .post(`/api/v1/dossiers/${ids[index]}/submit`)
            .set(IDEMPOTENCY_HEADER, `scale-${ids[index]}`)
            .send({ declaration: true }),
      })),
    );
    expect(tally(results)).toEqual({ submit: { 200: count } });
    const references = results.map((r) => (r.body as { reference: string }).reference).sort();
    const expected = Array.from({ length: count }, (_, i) => `${call.code}-${String(i + 1).padStart(4, '0')}`);
    expect(references).toEqual(expected);
  });

  it('the minister approves one proposal on both APIs at once: exactly one approval wins', async () => {
    const admin = await session(apis[1], await createUser(apis[1], ['admin']));
    const { callId } = await assessedCall(apis[0], admin, [70_000, 50_000], [5, 4], 20_000_000);
    await sendProposal(admin, callId);
    const minister = await createUser(apis[0], ['minister']);
    const first = await session(apis[0], minister);
    const second = await session(apis[1], minister);
    const ministers = [first, onOtherApi(first, apis[1]), second, onOtherApi(second, apis[0])];
    const results = await race(many(12, 'approve', ministers, (s, i) => approve(s, callId, `MB-SCALE-${i}`)));
    expect(serverErrors(results)).toEqual([]);
    const answers = tally(results).approve;
    expect(answers['200']).toBe(1);
    const losers = Object.keys(answers).filter((key) => key !== '200');
    for (const key of losers)
      expect(['409 CALL_DECIDED', '409 PROPOSAL_STATE', '409 CALL_PHASE_FORBIDS']).toContain(key);
    const approved = await dataSource!.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'proposal.approved'`,
      [callId],
    );
    expect(approved).toEqual([{ n: 1 }]);
  });

  it('an attachment uploaded on API 1 is downloaded byte-identical from API 2', async () => {
    const owner = await applicantWithOrganisation(apis[0]);
    const call = await createCall(apis[0]);
    const started = await owner.agent
      .post(`/api/v1/calls/${call.id}/dossiers`)
      .send({ applicantId: owner.applicantId })
      .expect(201);
    const content = Buffer.concat([
      Buffer.from('%PDF-1.4\n% '),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)),
      Buffer.from('\n%%EOF\n'),
    ]);
    const uploaded = await owner.agent
      .post(`/api/v1/dossiers/${started.body.id}/attachments`)
      .field('kind', 'BEGROTING')
      .attach('file', content, 'begroting.pdf')
      .expect(201);
    const other = onOtherApi(owner, apis[1]);
    const downloaded = await binary(
      other.agent.get(`/api/v1/dossiers/${started.body.id}/attachments/${uploaded.body.id}`),
    ).expect(200);
    expect(Buffer.compare(downloaded.body as Buffer, content)).toBe(0);
  });

  it('every mail of the above is sent exactly once by the two workers together', async () => {
    const notifications = dataSource!.getRepository(NotificationEntity);
    // The submissions above alone queued a receipt each; the approval queued the decision mails.
    const total = await notifications.count();
    expect(total).toBeGreaterThanOrEqual(12);
    const deadline = Date.now() + 30_000;
    while ((await notifications.countBy({ status: 'sent' })) < total || sink.mails.length < total) {
      if (Date.now() > deadline)
        throw new Error(
          `after 30 s: ${await notifications.countBy({ status: 'sent' })} of ${total} sent, ${sink.mails.length} received`,
        );
      await new Promise((done) => setTimeout(done, 100));
    }
    const rows = await notifications.find();
    const received = new Map<string, number>();
    for (const mail of sink.mails) received.set(mail.messageId!, (received.get(mail.messageId!) ?? 0) + 1);
    expect([...received.keys()].sort()).toEqual(rows.map((row) => `<${row.id}@subsidieportaal>`).sort());
    expect([...received.values()].filter((n) => n !== 1)).toEqual([]);
    expect(sink.mails).toHaveLength(total);
  });
});
