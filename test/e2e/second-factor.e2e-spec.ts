import { CSRF_HEADER, SESSION_COOKIE } from '@portal/contracts';
import { AuditEventEntity, SecondFactorChallengeEntity, UserEntity, UserSecondFactorEntity } from '@portal/server';
import { createUser } from '../support/factories';
import { DEMO_PASSWORD, session, startApi, type Session, type TestApi } from '../support/test-app';
import { totpCode } from '../support/totp';

const OVERRIDES = {
  TOTP_REQUIRED_FOR_ROLES: 'admin,minister',
  TOTP_FAILURES_PER_ACCOUNT: '3',
  LOGIN_BLOCK_SECONDS: '120',
};

/** A password login from a fresh browser; answers the response (a session or a second-factor challenge). */
async function passwordLogin(api: TestApi, email: string) {
  const browser = await session(api);
  const response = await browser.agent.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
  return { browser, response };
}

/** Completes a challenged login in `browser` with `code`, expecting `status`. */
function completeLogin(browser: Session, challenge: string, code: string, status: number) {
  return browser.agent.post('/api/v1/auth/login/totp').send({ challenge, code }).expect(status);
}

/** Sets up an authenticator in a logged-in session; answers the secret and the recovery codes. */
async function enrol(browser: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await browser.agent.post('/api/v1/auth/second-factor/enrolment').expect(201);
  const secret = started.body.secret as string;
  const confirmed = await browser.agent
    .post('/api/v1/auth/second-factor/enrolment/confirm')
    .send({ code: totpCode(secret) })
    .expect(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

function cookieNames(response: { headers: Record<string, unknown> }): string[] {
  const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.map((cookie) => cookie.split('=')[0]);
}

describe('second factor: TOTP enrolment, challenged logins, recovery codes (real PostgreSQL and Redis)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false, overrides: OVERRIDES });
  });

  afterAll(async () => {
    await api.close();
  });

  async function userId(email: string): Promise<string> {
    return (await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email })).id;
  }

  async function actions(email: string): Promise<string[]> {
    const id = await userId(email);
    const events = await api.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: [{ actorUserId: id }, { entityId: id }], order: { occurredAt: 'ASC' } });
    return events.map((event) => event.action);
  }

  it('forces an admin without a second factor to enrol before anything else, then asks for a code at login', async () => {
    const email = await createUser(api, ['admin']);
    const { browser, response } = await passwordLogin(api, email);
    expect(response.body.user).toMatchObject({ email, secondFactorEnrolmentRequired: true });
    browser.agent.set(CSRF_HEADER, response.body.csrfToken as string);

    // The session is limited to enrolment: other routes refuse it with a stable code.
    const refused = await browser.agent.get('/api/v1/staff').expect(403);
    expect(refused.body.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    await browser.agent.patch('/api/v1/auth/me').send({ displayName: 'Nieuwe naam' }).expect(403);
    const me = await browser.agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.user.secondFactorEnrolmentRequired).toBe(true);
    const status = await browser.agent.get('/api/v1/auth/second-factor').expect(200);
    expect(status.body).toEqual({ enabled: false, enabledAt: null, required: true, recoveryCodesLeft: 0 });

    const started = await browser.agent.post('/api/v1/auth/second-factor/enrolment').expect(201);
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Subsidieportaal:.*secret=[A-Z2-7]{32}/);
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    // A code that is not the app's is refused with the field named; nothing is enabled.
    const wrong = await browser.agent
      .post('/api/v1/auth/second-factor/enrolment/confirm')
      .send({ code: totpCode(secret, 10) })
      .expect(400);
    expect(wrong.body.code).toBe('SECOND_FACTOR_PROOF_INVALID');
    expect(wrong.body.errors[0].field).toBe('code');

    const confirmed = await browser.agent
      .post('/api/v1/auth/second-factor/enrolment/confirm')
      .send({ code: totpCode(secret) })
      .expect(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    recoveryCodes.forEach((code) => expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/));

    // The limit is lifted on the spot; the secret is never shown again and is not stored in clear.
    await browser.agent.get('/api/v1/staff').expect(200);
    const after = await browser.agent.get('/api/v1/auth/second-factor').expect(200);
    expect(after.body).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
    expect(JSON.stringify(after.body)).not.toContain(secret);
    const stored = await api.dataSource
      .getRepository(UserSecondFactorEntity)
      .findOneByOrFail({ userId: await userId(email) });
    expect(stored.secretEncrypted).not.toContain(secret);
    expect(stored.secretEncrypted).toMatch(/^v1\./);
    expect((await browser.agent.post('/api/v1/auth/second-factor/enrolment').expect(409)).body.code).toBe(
      'SECOND_FACTOR_ALREADY_ENABLED',
    );

    // Next login: the password alone opens no session.
    const second = await passwordLogin(api, email);
    expect(second.response.body).toEqual({
      secondFactorRequired: true,
      challenge: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(cookieNames(second.response)).not.toContain(SESSION_COOKIE);
    await second.browser.agent.get('/api/v1/auth/me').expect(401);
    const nextCode = totpCode(secret, 1);
    const done = await completeLogin(second.browser, second.response.body.challenge as string, nextCode, 200);
    expect(cookieNames(done)).toContain(SESSION_COOKIE);
    second.browser.agent.set(CSRF_HEADER, done.body.csrfToken as string);
    const meAfter = await second.browser.agent.get('/api/v1/auth/me').expect(200);
    expect(meAfter.body.user.email).toBe(email);
    expect(meAfter.body.user.secondFactorEnrolmentRequired).toBeUndefined();
    await second.browser.agent.get('/api/v1/staff').expect(200);

    // The same code again, on a new challenge: a replay, refused.
    const third = await passwordLogin(api, email);
    const challenge = third.response.body.challenge as string;
    const replay = await completeLogin(third.browser, challenge, nextCode, 401);
    expect(replay.body.code).toBe('SECOND_FACTOR_CODE_REUSED');

    // A recovery code works once; the challenge too.
    const recovered = await completeLogin(third.browser, challenge, recoveryCodes[0], 200);
    expect(recovered.body.user.email).toBe(email);
    third.browser.agent.set(CSRF_HEADER, recovered.body.csrfToken as string);
    expect((await completeLogin(third.browser, challenge, recoveryCodes[1], 401)).body.code).toBe(
      'SECOND_FACTOR_CHALLENGE_INVALID',
    );
    const fourth = await passwordLogin(api, email);
    const reused = await completeLogin(fourth.browser, fourth.response.body.challenge as string, recoveryCodes[0], 401);
    expect(reused.body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    // Typed in capitals and without the dash, another one still works.
    const typed = recoveryCodes[1].replace('-', '').toUpperCase();
    await completeLogin(fourth.browser, fourth.response.body.challenge as string, typed, 200);
    const left = await api.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [await userId(email)],
    );
    expect(left[0].n).toBe(8);

    expect(await actions(email)).toEqual(
      expect.arrayContaining([
        'auth.second_factor_enrolment_started',
        'auth.second_factor_failed',
        'auth.second_factor_enabled',
        'auth.second_factor_challenged',
        'auth.login',
      ]),
    );
    const logins = await api.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { actorUserId: await userId(email), action: 'auth.login' }, order: { occurredAt: 'ASC' } });
    expect(logins.map((event) => (event.after as { secondFactor?: string } | null)?.secondFactor)).toEqual([
      undefined,
      'totp',
      'recovery_code',
      'recovery_code',
    ]);
  });

  it('throttles wrong codes per account: after 3 the account waits (429, Retry-After), even with a new challenge', async () => {
    const email = await createUser(api, ['minister']);
    const first = await passwordLogin(api, email);
    first.browser.agent.set(CSRF_HEADER, first.response.body.csrfToken as string);
    const { secret } = await enrol(first.browser);

    const { browser, response } = await passwordLogin(api, email);
    const challenge = response.body.challenge as string;
    const wrong = totpCode(secret, 20);
    expect((await completeLogin(browser, challenge, wrong, 401)).body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    expect((await completeLogin(browser, challenge, 'not a code', 401)).body.code).toBe('SECOND_FACTOR_CODE_INVALID');
    const blocked = await completeLogin(browser, challenge, wrong, 429);
    expect(blocked.body.code).toBe('SECOND_FACTOR_THROTTLED');
    expect(blocked.headers['retry-after']).toBe('120');
    expect(blocked.body.detail).toBe(
      'Er werden te veel foute codes ingevoerd. Wacht 2 min. en probeer het dan opnieuw.',
    );

    // The right code is refused too while the block lasts, also on a fresh challenge.
    await completeLogin(browser, challenge, totpCode(secret, 1), 429);
    const again = await passwordLogin(api, email);
    const still = await completeLogin(again.browser, again.response.body.challenge as string, totpCode(secret, 1), 429);
    expect(Number(still.headers['retry-after'])).toBeGreaterThan(100);
    expect(await actions(email)).toEqual(
      expect.arrayContaining(['auth.second_factor_failed', 'auth.second_factor_blocked']),
    );
  });

  it('lets one of two concurrent logins with the same code (or recovery code) through, never both', async () => {
    const email = await createUser(api, ['applicant']);
    const { secret, recoveryCodes } = await enrol(await session(api, email));
    for (const code of [totpCode(secret, 1), recoveryCodes[0]]) {
      const [first, second] = await Promise.all([passwordLogin(api, email), passwordLogin(api, email)]);
      const answers = await Promise.all(
        [first, second].map(({ browser, response }) =>
          browser.agent.post('/api/v1/auth/login/totp').send({ challenge: response.body.challenge as string, code }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    }
  });

  it('lets a reviewer (role not required) log in without a code; an expired challenge is refused', async () => {
    const reviewer = await createUser(api, ['reviewer']);
    const { browser, response } = await passwordLogin(api, reviewer);
    expect(response.body.csrfToken).toEqual(expect.any(String));
    expect(response.body.user.secondFactorEnrolmentRequired).toBeUndefined();
    browser.agent.set(CSRF_HEADER, response.body.csrfToken as string);
    const status = await browser.agent.get('/api/v1/auth/second-factor').expect(200);
    expect(status.body).toMatchObject({ enabled: false, required: false });

    // Once the reviewer chooses to enrol, logins ask for a code too; a challenge left too long expires.
    const { secret } = await enrol(browser);
    const later = await passwordLogin(api, reviewer);
    await api.dataSource
      .getRepository(SecondFactorChallengeEntity)
      .update({ userId: await userId(reviewer) }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await completeLogin(
      later.browser,
      later.response.body.challenge as string,
      totpCode(secret, 1),
      401,
    );
    expect(expired.body.code).toBe('SECOND_FACTOR_CHALLENGE_INVALID');
  });

  it('renews recovery codes and turns the second factor off with proof; a required role cannot turn it off', async () => {
    const applicant = await createUser(api, ['applicant']);
    const browser = await session(api, applicant);
    const { secret, recoveryCodes } = await enrol(browser);

    const badPassword = await browser.agent
      .post('/api/v1/auth/second-factor/recovery-codes')
      .send({ password: 'niet mijn wachtwoord' })
      .expect(400);
    expect(badPassword.body.errors[0].field).toBe('password');
    const renewed = await browser.agent
      .post('/api/v1/auth/second-factor/recovery-codes')
      .send({ code: totpCode(secret, 1) })
      .expect(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const login = await passwordLogin(api, applicant);
    const challenge = login.response.body.challenge as string;
    await completeLogin(login.browser, challenge, recoveryCodes[0], 401); // the old codes no longer work
    await completeLogin(login.browser, challenge, (renewed.body.recoveryCodes as string[])[0], 200);

    await browser.agent.post('/api/v1/auth/second-factor/disable').send({ password: DEMO_PASSWORD }).expect(204);
    const plain = await passwordLogin(api, applicant);
    expect(plain.response.body.csrfToken).toEqual(expect.any(String));
    expect(await actions(applicant)).toEqual(
      expect.arrayContaining(['auth.recovery_codes_regenerated', 'auth.second_factor_disabled']),
    );

    const admin = await createUser(api, ['admin']);
    const adminLogin = await passwordLogin(api, admin);
    adminLogin.browser.agent.set(CSRF_HEADER, adminLogin.response.body.csrfToken as string);
    const adminFactor = await enrol(adminLogin.browser);
    const refused = await adminLogin.browser.agent
      .post('/api/v1/auth/second-factor/disable')
      .send({ code: totpCode(adminFactor.secret, 1) })
      .expect(409);
    expect(refused.body.code).toBe('SECOND_FACTOR_REQUIRED_FOR_ROLE');
  });
});
