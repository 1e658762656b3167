import {
  ApplicantMemberEntity,
  AuditEventEntity,
  NotificationEntity,
  PasswordResetEntity,
  UserEntity,
} from '@portal/server';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { applicantWithOrganisation, createUser } from '../support/factories';
import { startMailWorker, tokenFromMail, waitUntil, type MailWorker } from '../support/mail-worker';
import { DEMO_PASSWORD, session, startApi, type Session, type TestApi } from '../support/test-app';

const NEW_PASSWORD = 'een nieuwe zin als wachtwoord';

async function askReset(visitor: Session, email: string) {
  return visitor.agent.post('/api/v1/auth/password-reset').send({ email }).expect(202);
}

async function confirm(visitor: Session, token: string, password: string, status: number) {
  return visitor.agent.post('/api/v1/auth/password-reset/confirm').send({ token, password }).expect(status);
}

describe('password reset links, secrets at rest and password hashes', () => {
  let api: TestApi;
  let mail: MailWorker;

  beforeAll(async () => {
    api = await startApi({ seed: false });
    mail = await startMailWorker(api);
  });

  afterAll(async () => {
    await mail?.close();
    await api?.close();
  });

  it('answers a reset request the same way for a known and an unknown address, and does the work in the worker', async () => {
    const email = await createUser(api);
    const visitor = await session(api);
    // No worker runs: whatever the answer did, it did without looking the address up.
    await mail.close();
    try {
      const known = await askReset(visitor, email);
      const unknown = await askReset(visitor, `niemand-${randomBytes(3).toString('hex')}@example.org`);
      expect(known.body).toEqual(unknown.body);
      expect(known.body).toEqual({ status: 'accepted' });
      const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
      expect(await api.dataSource.getRepository(PasswordResetEntity).countBy({ userId: user.id })).toBe(0);
      expect(await api.dataSource.getRepository(NotificationEntity).countBy({ recipient: email })).toBe(0);
    } finally {
      mail = await startMailWorker(api);
    }
    const token = await tokenFromMail(mail.sink, email, '/wachtwoord/');
    await confirm(visitor, token, NEW_PASSWORD, 204);
    // Nothing was stored about the unknown address.
    expect(
      await api.dataSource.getRepository(AuditEventEntity).countBy({ action: 'auth.password_reset_requested' }),
    ).toBe(1);
  });

  it('a newer link ends the older one: the older is refused before and after the newer one is used', async () => {
    const email = await createUser(api);
    const visitor = await session(api);
    await askReset(visitor, email);
    const older = await tokenFromMail(mail.sink, email, '/wachtwoord/', 1);
    await askReset(visitor, email);
    const newer = await tokenFromMail(mail.sink, email, '/wachtwoord/', 2);
    expect(newer).not.toBe(older);

    expect((await confirm(visitor, older, NEW_PASSWORD, 410)).body.code).toBe('RESET_TOKEN_INVALID');
    await confirm(visitor, newer, NEW_PASSWORD, 204);
    expect((await confirm(visitor, older, 'nog een andere zin als wachtwoord', 410)).body.code).toBe(
      'RESET_TOKEN_INVALID',
    );
    await session(api, email, NEW_PASSWORD);
  });

  it('a password change ends every reset link asked for before it', async () => {
    const email = await createUser(api);
    const visitor = await session(api);
    await askReset(visitor, email);
    const link = await tokenFromMail(mail.sink, email, '/wachtwoord/');
    const owner = await session(api, email);
    await owner.agent
      .post('/api/v1/auth/password')
      .send({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    expect((await confirm(visitor, link, 'de aanvaller kiest dit wachtwoord', 410)).body.code).toBe(
      'RESET_TOKEN_INVALID',
    );
    await session(api, email, NEW_PASSWORD);
  });

  it('keeps no usable reset link in the notifications table once the mail is sent', async () => {
    const email = await createUser(api);
    const visitor = await session(api);
    await askReset(visitor, email);
    const token = await tokenFromMail(mail.sink, email, '/wachtwoord/');
    const row = await waitUntil(async () => {
      const found = await api.dataSource
        .getRepository(NotificationEntity)
        .findOneBy({ template: 'auth.password_reset', recipient: email });
      return found?.status === 'sent' ? found : null;
    });
    expect(row.payload).not.toHaveProperty('resetUrl');
    expect(row.payload).toHaveProperty('recipientName');
    expect(JSON.stringify(row)).not.toContain(token);
    // The link still works (the mail is what carries it), and an admin cannot resend a mail whose link is gone.
    const admin = await session(api, await createUser(api, ['admin']));
    const refused = await admin.agent.post(`/api/v1/notifications/${row.id}/resend`).expect(409);
    expect(refused.body.code).toBe('NOTIFICATION_NOT_RESENDABLE');
    await confirm(visitor, token, NEW_PASSWORD, 204);
  });

  it('keeps no usable invitation link in the notifications table once the mail is sent', async () => {
    const owner = await applicantWithOrganisation(api);
    const invitee = `collega-${randomBytes(3).toString('hex')}@example.org`;
    await owner.agent.post(`/api/v1/applicants/${owner.applicantId}/invitations`).send({ email: invitee }).expect(201);
    const token = await tokenFromMail(mail.sink, invitee, '/uitnodiging/');
    const row = await waitUntil(async () => {
      const found = await api.dataSource
        .getRepository(NotificationEntity)
        .findOneBy({ template: 'applicant.invitation', recipient: invitee });
      return found?.status === 'sent' ? found : null;
    });
    expect(row.payload).not.toHaveProperty('acceptUrl');
    expect(row.payload).toMatchObject({ applicantName: expect.any(String), inviterName: expect.any(String) });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('replaces a hash made with older parameters at the next successful login, not at a failed one', async () => {
    const email = await createUser(api);
    const users = api.dataSource.getRepository(UserEntity);
    // The library defaults this portal used before (m = 64 MiB, t = 3, p = 4).
    const legacy = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 65_536,
      timeCost: 3,
      parallelism: 4,
    });
    await users.update({ email }, { passwordHash: legacy });

    const visitor = await session(api);
    await visitor.agent.post('/api/v1/auth/login').send({ email, password: 'niet het wachtwoord' }).expect(401);
    expect((await users.findOneByOrFail({ email })).passwordHash).toBe(legacy);

    await session(api, email);
    const upgraded = (await users.findOneByOrFail({ email })).passwordHash;
    expect(upgraded).not.toBe(legacy);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    // The new hash holds the same password, and a current hash is left alone at the next login.
    await session(api, email);
    expect((await users.findOneByOrFail({ email })).passwordHash).toBe(upgraded);
  });
});

describe('invitations are rate-limited per person and per organisation', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({
      seed: false,
      overrides: { INVITE_LIMIT_PER_USER: '3', INVITE_LIMIT_PER_APPLICANT: '4', RATE_LIMIT_WINDOW_SECONDS: '600' },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  const invite = (who: Session, applicantId: string) =>
    who.agent
      .post(`/api/v1/applicants/${applicantId}/invitations`)
      .send({ email: `x-${randomBytes(3).toString('hex')}@example.org` });

  it('answers 429 INVITATION_RATE_LIMITED with Retry-After, and writes no invitation or mail when refused', async () => {
    const owner = await applicantWithOrganisation(api);
    for (let sent = 0; sent < 3; sent++) expect((await invite(owner, owner.applicantId)).status).toBe(201);
    const refused = await invite(owner, owner.applicantId);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('INVITATION_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      await api.dataSource
        .getRepository(NotificationEntity)
        .countBy({ template: 'applicant.invitation', subjectRef: owner.applicantId }),
    ).toBe(3);
  });

  it('counts all admins of one organisation together', async () => {
    const owner = await applicantWithOrganisation(api);
    const members = api.dataSource.getRepository(ApplicantMemberEntity);
    const second = await session(api, await createUser(api));
    const secondUser = await api.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ email: (await second.agent.get('/api/v1/auth/me')).body.user.email });
    await members.insert({ applicantId: owner.applicantId, userId: secondUser.id, role: 'admin' });

    for (let sent = 0; sent < 2; sent++) expect((await invite(owner, owner.applicantId)).status).toBe(201);
    for (let sent = 0; sent < 2; sent++) expect((await invite(second, owner.applicantId)).status).toBe(201);
    const refused = await invite(second, owner.applicantId);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('INVITATION_RATE_LIMITED');
    // Someone else's organisation is not affected.
    const other = await applicantWithOrganisation(api);
    expect((await invite(other, other.applicantId)).status).toBe(201);
  });
});
