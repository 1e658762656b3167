import { CSRF_HEADER, SESSION_COOKIE } from '@portal/contracts';
import { AuditEventEntity, SessionEntity } from '@portal/server';
import { DEMO, DEMO_PASSWORD, session, startApi, TestApi } from '../support/test-app';

describe('accounts, sessions and CSRF (real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('logs in with an httpOnly SameSite cookie, answers "who am I" and logs out', async () => {
    const { agent, csrf } = await session(api);
    const login = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .send({ email: 'Admin@Demo.Subsidieportaal.be', password: DEMO_PASSWORD })
      .expect(200);
    expect(login.body.user).toMatchObject({ email: DEMO.admin, roles: ['admin'], locale: 'nl' });
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const me = await agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.user.email).toBe(DEMO.admin);

    await agent.post('/api/v1/auth/logout').set(CSRF_HEADER, login.body.csrfToken).expect(200);
    await agent.get('/api/v1/auth/me').expect(401);

    const sessions = await api.dataSource.getRepository(SessionEntity).find({ where: { userId: login.body.user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].revokedAt).not.toBeNull();
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { actorUserId: login.body.user.id } });
    expect(audit.map((event) => event.action).sort()).toEqual(['auth.login', 'auth.logout']);
  });

  it('a person chooses the language of their e-mails', async () => {
    const { agent, csrf } = await session(api, DEMO.reviewer);
    const changed = await agent.patch('/api/v1/auth/me').set(CSRF_HEADER, csrf).send({ locale: 'en' }).expect(200);
    expect(changed.body.user.locale).toBe('en');
    expect((await agent.get('/api/v1/auth/me').expect(200)).body.user.locale).toBe('en');
    const bad = await agent.patch('/api/v1/auth/me').set(CSRF_HEADER, csrf).send({ locale: 'fr' }).expect(400);
    expect(bad.body.errors[0].field).toBe('locale');
    await agent.patch('/api/v1/auth/me').set(CSRF_HEADER, csrf).send({ locale: 'nl' }).expect(200);
  });

  it('stores argon2id password hashes, never the password', async () => {
    const rows = await api.dataSource.query('SELECT password_hash FROM users');
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS in Dutch by default and in English on request', async () => {
    const { agent, csrf } = await session(api);
    const nl = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .send({ email: DEMO.admin, password: 'wrong' })
      .expect(401);
    expect(nl.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nl.body).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      status: 401,
      detail: 'E-mailadres of wachtwoord is onjuist.',
    });
    const en = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .send({ email: 'nobody@example.org', password: 'wrong' })
      .expect(401);
    expect(en.body.detail).toBe('E-mail address or password is incorrect.');
  });

  it('refuses state-changing requests without a valid CSRF token', async () => {
    const { agent } = await session(api);
    const missing = await agent
      .post('/api/v1/auth/login')
      .send({ email: DEMO.admin, password: DEMO_PASSWORD })
      .expect(403);
    expect(missing.body.code).toBe('CSRF_INVALID');
    const forged = await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, 'forged-token')
      .send({ email: DEMO.admin, password: DEMO_PASSWORD })
      .expect(403);
    expect(forged.body.code).toBe('CSRF_INVALID');
  });

  it('binds the CSRF token to the session: the pre-login token stops working after login', async () => {
    const { agent, csrf } = await session(api);
    await agent
      .post('/api/v1/auth/login')
      .set(CSRF_HEADER, csrf)
      .send({ email: DEMO.admin, password: DEMO_PASSWORD })
      .expect(200);
    const stale = await agent.post('/api/v1/auth/logout').set(CSRF_HEADER, csrf).expect(403);
    expect(stale.body.code).toBe('CSRF_INVALID');
  });

  it('enforces roles: anonymous gets 401, the wrong role 403', async () => {
    const anonymous = await session(api);
    const anonymousPing = await anonymous.agent.post('/api/v1/system/worker-ping').expect(401);
    expect(anonymousPing.body.code).toBe('AUTH_REQUIRED');
    const applicant = await session(api, DEMO.applicant);
    const applicantPing = await applicant.agent.post('/api/v1/system/worker-ping').expect(403);
    expect(applicantPing.body.code).toBe('FORBIDDEN');
  });
});
