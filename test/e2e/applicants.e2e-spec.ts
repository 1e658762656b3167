import { CSRF_HEADER, SESSION_COOKIE } from '@portal/contracts';
import { NotificationEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { applicantWithOrganisation, createCall, createUser } from '../support/factories';
import { startMailWorker, tokenFromMail, waitUntil, type MailWorker } from '../support/mail-worker';
import { session, startApi, type TestApi } from '../support/test-app';

async function register(api: TestApi, email: string, password = 'een-lang-wachtwoord-2026') {
  const visitor = await session(api);
  const response = await visitor.agent
    .post('/api/v1/auth/register')
    .set(CSRF_HEADER, visitor.csrf)
    .send({ email, password, displayName: `Collega ${email.split('@')[0]}` });
  return { ...visitor, response, csrf: (response.body.csrfToken as string) ?? visitor.csrf };
}

describe('accounts for applicants, colleagues and invitations', () => {
  let api: TestApi;
  let mail: MailWorker;

  beforeAll(async () => {
    api = await startApi({ seed: false });
    mail = await startMailWorker(api);
  });

  afterAll(async () => {
    await mail?.close();
    await api.close();
  });

  it('a person creates an account (role applicant) and is logged in; the address is unique; short passwords are refused', async () => {
    const email = `nieuw-${randomBytes(3).toString('hex')}@example.org`;
    const first = await register(api, email);
    expect(first.response.status).toBe(201);
    expect(first.response.body.user).toMatchObject({ email, roles: ['applicant'] });
    expect(String(first.response.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=`);
    await first.agent.get('/api/v1/auth/me').expect(200);

    const again = await register(api, email.toUpperCase());
    expect(again.response.status).toBe(409);
    expect(again.response.body.code).toBe('EMAIL_TAKEN');
    const weak = await register(api, `zwak-${randomBytes(3).toString('hex')}@example.org`, 'kort');
    expect(weak.response.status).toBe(400);
    expect(weak.response.body).toMatchObject({
      code: 'WEAK_PASSWORD',
      errors: [expect.objectContaining({ field: 'password' })],
    });
  });

  it("an applicant's admin invites a colleague, who accepts and then works on the same dossier", async () => {
    const owner = await applicantWithOrganisation(api);
    const colleagueEmail = `collega-${randomBytes(3).toString('hex')}@example.org`;
    const invited = await owner.agent
      .post(`/api/v1/applicants/${owner.applicantId}/invitations`)
      .set(CSRF_HEADER, owner.csrf)
      .send({ email: colleagueEmail })
      .expect(201);
    expect(invited.body).toMatchObject({ email: colleagueEmail, acceptedAt: null });
    const token = await tokenFromMail(mail.sink, colleagueEmail, '/uitnodiging/');

    const stranger = await register(api, `vreemd-${randomBytes(3).toString('hex')}@example.org`);
    const wrong = await stranger.agent
      .post(`/api/v1/invitations/${token}/accept`)
      .set(CSRF_HEADER, stranger.csrf)
      .expect(403);
    expect(wrong.body.code).toBe('INVITATION_FOR_OTHER_EMAIL');

    const colleague = await register(api, colleagueEmail);
    const accepted = await colleague.agent
      .post(`/api/v1/invitations/${token}/accept`)
      .set(CSRF_HEADER, colleague.csrf)
      .expect(200);
    expect(accepted.body).toMatchObject({ id: owner.applicantId, myRole: 'member' });
    const reused = await colleague.agent
      .post(`/api/v1/invitations/${token}/accept`)
      .set(CSRF_HEADER, colleague.csrf)
      .expect(410);
    expect(reused.body.code).toBe('INVITATION_INVALID');

    const members = await owner.agent.get(`/api/v1/applicants/${owner.applicantId}/members`).expect(200);
    expect(members.body.map((m: { email: string; role: string }) => `${m.role}:${m.email}`)).toContain(
      `member:${colleagueEmail}`,
    );

    // Both colleagues starting a dossier for the same call get the same one.
    const call = await createCall(api);
    const a = await owner.agent
      .post(`/api/v1/calls/${call.id}/dossiers`)
      .set(CSRF_HEADER, owner.csrf)
      .send({ applicantId: owner.applicantId })
      .expect(201);
    const b = await colleague.agent
      .post(`/api/v1/calls/${call.id}/dossiers`)
      .set(CSRF_HEADER, colleague.csrf)
      .send({ applicantId: owner.applicantId })
      .expect(200);
    expect(b.body.id).toBe(a.body.id);

    // A member who is not an admin cannot invite; a stranger does not even see the applicant.
    await colleague.agent
      .post(`/api/v1/applicants/${owner.applicantId}/invitations`)
      .set(CSRF_HEADER, colleague.csrf)
      .send({ email: 'x@example.org' })
      .expect(403);
    // The stranger has not confirmed their address yet: refused before anything is looked up.
    const unconfirmed = await stranger.agent
      .post(`/api/v1/applicants/${owner.applicantId}/invitations`)
      .set(CSRF_HEADER, stranger.csrf)
      .send({ email: 'x@example.org' })
      .expect(403);
    expect(unconfirmed.body.code).toBe('EMAIL_NOT_VERIFIED');
    await stranger.agent.get(`/api/v1/applicants/${owner.applicantId}/members`).expect(404);
    const confirmedStranger = await session(api, await createUser(api));
    await confirmedStranger.agent
      .post(`/api/v1/applicants/${owner.applicantId}/invitations`)
      .send({ email: 'x@example.org' })
      .expect(404);
  });

  it('resets a password with a single-use token, ends the old sessions, and never reveals whether an account exists', async () => {
    const email = `vergeten-${randomBytes(3).toString('hex')}@example.org`;
    const person = await register(api, email);
    const visitor = await session(api);
    await visitor.agent
      .post('/api/v1/auth/password-reset')
      .set(CSRF_HEADER, visitor.csrf)
      .send({ email: 'onbekend@example.org' })
      .expect(202);
    await visitor.agent
      .post('/api/v1/auth/password-reset')
      .set(CSRF_HEADER, visitor.csrf)
      .send({ email: email.toUpperCase() })
      .expect(202);
    // The worker handles requests in order: once the known address's link is out, the unknown one was handled too.
    const token = await tokenFromMail(mail.sink, email, '/wachtwoord/');
    expect(
      await api.dataSource
        .getRepository(NotificationEntity)
        .countBy({ template: 'auth.password_reset', recipient: 'onbekend@example.org' }),
    ).toBe(0);

    const weak = await visitor.agent
      .post('/api/v1/auth/password-reset/confirm')
      .set(CSRF_HEADER, visitor.csrf)
      .send({ token, password: 'kort' })
      .expect(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    await visitor.agent
      .post('/api/v1/auth/password-reset/confirm')
      .set(CSRF_HEADER, visitor.csrf)
      .send({ token, password: 'een-nieuw-lang-wachtwoord' })
      .expect(204);
    await person.agent.get('/api/v1/auth/me').expect(401);
    const again = await visitor.agent
      .post('/api/v1/auth/password-reset/confirm')
      .set(CSRF_HEADER, visitor.csrf)
      .send({ token, password: 'nog-een-ander-wachtwoord' })
      .expect(410);
    expect(again.body.code).toBe('RESET_TOKEN_INVALID');
    await session(api, email, 'een-nieuw-lang-wachtwoord');
    // The owner is told, in case it was not them (one warning: the second, refused attempt changed nothing).
    await waitUntil(async () => mail.sink.to(email).some((sent) => sent.subject === 'Uw wachtwoord is gewijzigd'));
    expect(
      await api.dataSource
        .getRepository(NotificationEntity)
        .countBy({ template: 'auth.password_changed', recipient: email }),
    ).toBe(1);
  });

  it('refuses an unknown or malformed invitation token', async () => {
    const person = await register(api, `p-${randomBytes(3).toString('hex')}@example.org`);
    expect(
      (await person.agent.post('/api/v1/invitations/abc/accept').set(CSRF_HEADER, person.csrf).expect(410)).body.code,
    ).toBe('INVITATION_INVALID');
    const unknown = randomBytes(32).toString('base64url');
    await person.agent.post(`/api/v1/invitations/${unknown}/accept`).set(CSRF_HEADER, person.csrf).expect(410);
  });
});
