import { CSRF_HEADER } from '@portal/contracts';
import { AuditEventEntity, NotificationEntity, SessionEntity, UserEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createUser } from '../support/factories';
import { startMailWorker, tokenFromMail } from '../support/mail-worker';
import { DEMO_PASSWORD, session, startApi, type Session, type TestApi } from '../support/test-app';

/** Requests from the loopback proxy carry the client address in X-Forwarded-For (trust proxy: loopback). */
function address(): string {
  const bytes = randomBytes(2);
  return `198.51.${bytes[0]}.${bytes[1]}`;
}

/** One login attempt from a fresh browser at address `ip`, expecting `status`. */
async function attempt(api: TestApi, email: string, password: string, ip: string, status: number, language = 'nl') {
  const agent = request.agent(api.app.getHttpServer());
  const csrf = (await agent.get('/api/v1/auth/csrf').set('X-Forwarded-For', ip).expect(200)).body.csrfToken as string;
  return agent
    .post('/api/v1/auth/login')
    .set('X-Forwarded-For', ip)
    .set(CSRF_HEADER, csrf)
    .set('Accept-Language', language)
    .send({ email, password })
    .expect(status);
}

async function actions(api: TestApi, userEmail: string): Promise<string[]> {
  const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email: userEmail });
  const events = await api.dataSource
    .getRepository(AuditEventEntity)
    .find({ where: [{ actorUserId: user.id }, { entityId: user.id }], order: { occurredAt: 'ASC' } });
  return events.map((event) => event.action);
}

const OVERRIDES = { LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_FAILURES_PER_IP: '6', LOGIN_BLOCK_SECONDS: '120' };

describe('login throttling per account and IP address (real PostgreSQL and Redis)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false, overrides: OVERRIDES });
  });

  afterAll(async () => {
    await api.close();
  });

  it('blocks an account from one address after 3 failures, with 429, Retry-After and a readable message', async () => {
    const email = await createUser(api);
    const ip = address();
    await attempt(api, email, 'fout wachtwoord 1', ip, 401);
    await attempt(api, email, 'fout wachtwoord 2', ip, 401);
    const third = await attempt(api, email, 'fout wachtwoord 3', ip, 429);
    expect(third.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(third.headers['retry-after']).toBe('120');
    expect(third.body).toMatchObject({ code: 'LOGIN_THROTTLED', status: 429 });
    expect(third.body.detail).toBe(
      'Er waren te veel mislukte aanmeldpogingen. Wacht 2 min. en probeer het dan opnieuw, of vraag een nieuw wachtwoord aan.',
    );

    // Even the right password is refused now, before it is checked.
    const blocked = await attempt(api, email, DEMO_PASSWORD, ip, 429, 'en');
    expect(blocked.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(100);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(120);
    expect(blocked.body.detail).toMatch(/^There were too many failed login attempts\. Wait 2 min/);

    // Someone at another address (the real person, elsewhere) is not locked out by it.
    await attempt(api, email, DEMO_PASSWORD, address(), 200);
    expect(await actions(api, email)).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.login_blocked', 'auth.login']),
    );
  });

  it('counts failures across API instances (the counters live in Redis)', async () => {
    // Same database and therefore the same Redis prefix (test-env names the prefix after the database).
    const second = await startApi({ seed: false, database: api.config.REDIS_PREFIX, overrides: OVERRIDES });
    try {
      const email = await createUser(api);
      const ip = address();
      await attempt(api, email, 'fout wachtwoord 1', ip, 401);
      await attempt(second, email, 'fout wachtwoord 2', ip, 401);
      await attempt(api, email, 'fout wachtwoord 3', ip, 429);
      await attempt(second, email, DEMO_PASSWORD, ip, 429);
    } finally {
      await second.close();
    }
  });

  it('a successful login resets the consecutive failures of that account', async () => {
    const email = await createUser(api);
    const ip = address();
    await attempt(api, email, 'fout wachtwoord 1', ip, 401);
    await attempt(api, email, 'fout wachtwoord 2', ip, 401);
    await attempt(api, email, DEMO_PASSWORD, ip, 200);
    await attempt(api, email, 'fout wachtwoord 3', ip, 401);
    await attempt(api, email, 'fout wachtwoord 4', ip, 401);
    await attempt(api, email, DEMO_PASSWORD, ip, 200);
  });

  it('counts unknown e-mail addresses like known ones (the answers reveal nothing)', async () => {
    const ip = address();
    const unknown = `niemand-${randomBytes(3).toString('hex')}@example.org`;
    await attempt(api, unknown, 'fout wachtwoord', ip, 401);
    await attempt(api, unknown, 'fout wachtwoord', ip, 401);
    expect((await attempt(api, unknown, 'fout wachtwoord', ip, 429)).body.code).toBe('LOGIN_THROTTLED');
  });

  it('blocks an address after 6 failures over any accounts, also for accounts that did nothing wrong', async () => {
    const ip = address();
    const [a, b, c, innocent] = await Promise.all([createUser(api), createUser(api), createUser(api), createUser(api)]);
    for (const email of [a, b]) {
      await attempt(api, email, 'fout wachtwoord', ip, 401);
      await attempt(api, email, 'fout wachtwoord', ip, 401);
    }
    await attempt(api, c, 'fout wachtwoord', ip, 401);
    const sixth = await attempt(api, c, 'fout wachtwoord', ip, 429);
    expect(sixth.body.code).toBe('LOGIN_THROTTLED');
    await attempt(api, innocent, DEMO_PASSWORD, ip, 429);
    await attempt(api, innocent, DEMO_PASSWORD, address(), 200);
  });

  it('guards the current password of a password change with the same counters', async () => {
    const email = await createUser(api);
    const ip = address();
    const agent = request.agent(api.app.getHttpServer());
    const pre = (await agent.get('/api/v1/auth/csrf').set('X-Forwarded-For', ip)).body.csrfToken as string;
    const login = await agent
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .set(CSRF_HEADER, pre)
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    const change = (currentPassword: string) =>
      agent
        .post('/api/v1/auth/password')
        .set('X-Forwarded-For', ip)
        .set(CSRF_HEADER, login.body.csrfToken)
        .send({ currentPassword, newPassword: 'een nieuwe zin als wachtwoord' });
    const wrong = await change('niet mijn wachtwoord').expect(400);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_INVALID');
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    await change('niet mijn wachtwoord').expect(400);
    expect((await change('niet mijn wachtwoord').expect(429)).body.code).toBe('LOGIN_THROTTLED');
    expect((await change(DEMO_PASSWORD).expect(429)).body.code).toBe('LOGIN_THROTTLED');
  });
});

describe('login throttling while Redis is unreachable', () => {
  it('still lets people log in, and still throttles (counted in memory)', async () => {
    const api = await startApi({
      seed: false,
      overrides: { REDIS_URL: 'redis://127.0.0.1:1', LOGIN_FAILURES_PER_ACCOUNT: '2' },
    });
    try {
      const email = await createUser(api);
      const ip = address();
      const started = Date.now();
      await attempt(api, email, DEMO_PASSWORD, ip, 200);
      expect(Date.now() - started).toBeLessThan(5000);
      await attempt(api, email, 'fout wachtwoord', ip, 401);
      expect((await attempt(api, email, 'fout wachtwoord', ip, 429)).body.code).toBe('LOGIN_THROTTLED');
      await attempt(api, email, DEMO_PASSWORD, ip, 429);
    } finally {
      await api.close();
    }
  });
});

describe('password policy: length and the shipped list of breached passwords', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses a breached password at registration, naming the field, and creates no account', async () => {
    const visitor = await session(api);
    const email = `nieuw-${randomBytes(3).toString('hex')}@example.org`;
    const response = await visitor.agent
      .post('/api/v1/auth/register')
      .set('Accept-Language', 'en')
      .send({ email, password: 'Wachtwoord2026!', displayName: 'Nieuwe Persoon' })
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'PASSWORD_BREACHED',
      detail: 'This password is on a list of common or leaked passwords. Choose another password.',
      errors: [{ field: 'password', code: 'breached' }],
    });
    expect(await api.dataSource.getRepository(UserEntity).countBy({ email })).toBe(0);

    const short = await visitor.agent
      .post('/api/v1/auth/register')
      .send({ email, password: 'kort', displayName: 'Nieuwe Persoon' })
      .expect(400);
    expect(short.body).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ field: 'password', code: 'minLength' }] });

    await visitor.agent
      .post('/api/v1/auth/register')
      .send({ email, password: 'een zin die niemand raadt', displayName: 'Nieuwe Persoon' })
      .expect(201);
  });

  it('refuses a breached password on password reset and keeps the link usable', async () => {
    const email = await createUser(api);
    const visitor = await session(api);
    const mail = await startMailWorker(api);
    let token: string;
    try {
      await visitor.agent.post('/api/v1/auth/password-reset').send({ email }).expect(202);
      token = await tokenFromMail(mail.sink, email, '/wachtwoord/');
    } finally {
      await mail.close();
    }
    const refused = await visitor.agent
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'iloveyou123456' })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'PASSWORD_BREACHED', errors: [{ field: 'password' }] });
    await visitor.agent
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'een nieuwe zin als wachtwoord' })
      .expect(204);
  });

  it('refuses a breached new password on a password change, naming newPassword', async () => {
    const user = await session(api, await createUser(api));
    const response = await user.agent
      .post('/api/v1/auth/password')
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'qwerty123456' })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'PASSWORD_BREACHED', errors: [{ field: 'newPassword' }] });
  });
});

describe('ending sessions: log out everywhere, password change', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false });
  });

  afterAll(async () => {
    await api.close();
  });

  async function twoSessions(): Promise<{ email: string; laptop: Session; phone: Session }> {
    const email = await createUser(api);
    return { email, laptop: await session(api, email), phone: await session(api, email) };
  }

  it('"log out everywhere" ends every session of the person, is audited and leaves other people alone', async () => {
    const { email, laptop, phone } = await twoSessions();
    const other = await session(api, await createUser(api));
    const response = await laptop.agent.post('/api/v1/auth/logout-everywhere').expect(200);
    expect(response.body.sessionsEnded).toBe(2);
    expect(typeof response.body.csrfToken).toBe('string');
    await laptop.agent.get('/api/v1/auth/me').expect(401);
    await phone.agent.get('/api/v1/auth/me').expect(401);
    await other.agent.get('/api/v1/auth/me').expect(200);

    const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
    const live = await api.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :id AND s.revoked_at IS NULL', { id: user.id })
      .getCount();
    expect(live).toBe(0);
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ action: 'auth.logout_everywhere', entityId: user.id });
    expect(audit).toMatchObject({ actorUserId: user.id, after: expect.objectContaining({ sessionsEnded: 2 }) });
    // Logging in again works as usual.
    await session(api, email);
  });

  it('a password change keeps this session, ends the others, and only the new password works', async () => {
    const { email, laptop, phone } = await twoSessions();
    const newPassword = 'een nieuwe zin als wachtwoord';
    await laptop.agent.post('/api/v1/auth/password').send({ currentPassword: DEMO_PASSWORD, newPassword }).expect(204);
    await laptop.agent.get('/api/v1/auth/me').expect(200);
    await phone.agent.get('/api/v1/auth/me').expect(401);
    const visitor = await session(api);
    await visitor.agent.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(401);
    await session(api, email, newPassword);
    expect(await actions(api, email)).toContain('auth.password_changed');
    const warned = await api.dataSource
      .getRepository(NotificationEntity)
      .findOneByOrFail({ template: 'auth.password_changed', recipient: email });
    expect(warned.payload).toMatchObject({ how: 'change', forgotUrl: expect.stringMatching(/\/wachtwoord-vergeten$/) });
  });

  it('logging out everywhere needs a session and a CSRF token', async () => {
    const anonymous = await session(api);
    await anonymous.agent.post('/api/v1/auth/logout-everywhere').expect(401);
    const user = await session(api, await createUser(api));
    const forged = await user.agent.post('/api/v1/auth/logout-everywhere').set(CSRF_HEADER, 'forged').expect(403);
    expect(forged.body.code).toBe('CSRF_INVALID');
    await user.agent.get('/api/v1/auth/me').expect(200);
  });
});

describe('security headers on every answer (helmet)', () => {
  it('sends CSP, nosniff, frame and referrer rules, no X-Powered-By; HSTS and Secure cookies only over https', async () => {
    const plain = await startApi({ seed: false });
    const secure = await startApi({ seed: false, overrides: { APP_URL: 'https://subsidies.example.be' } });
    try {
      const response = await plain.http.get('/api/v1/calls').expect(200);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(response.headers['content-security-policy']).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBeUndefined();
      const problem = await plain.http.get('/api/v1/does-not-exist').expect(404);
      expect(problem.headers['x-content-type-options']).toBe('nosniff');

      const overHttps = await secure.http.get('/api/v1/auth/csrf').expect(200);
      expect(overHttps.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const cookies = overHttps.headers['set-cookie'] as unknown as string[];
      expect(cookies.every((cookie) => /; Secure/.test(cookie) && /HttpOnly/.test(cookie))).toBe(true);
    } finally {
      await plain.close();
      await secure.close();
    }
  });
});
