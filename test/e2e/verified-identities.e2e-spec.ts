import { CSRF_HEADER } from '@portal/contracts';
import {
  ApplicantEntity,
  AuditEventEntity,
  EmailVerificationEntity,
  hashToken,
  NotificationEntity,
  UserEntity,
} from '@portal/server';
import { randomBytes } from 'node:crypto';
import {
  applicantWithOrganisation,
  closeCallOnTime,
  completeDossier,
  createCall,
  createUser,
  organisationInput,
} from '../support/factories';
import { startMailWorker, tokenFromMail, waitUntil, type MailWorker } from '../support/mail-worker';
import { race, tally } from '../support/race';
import { session, startApi, type Session, type TestApi } from '../support/test-app';

const ROUTE = '/e-mailadres-bevestigen/';
const address = (name: string) => `${name}-${randomBytes(3).toString('hex')}@example.org`;

/** Creates an account through the public route (as a person would) and keeps its session. */
async function register(api: TestApi, email: string): Promise<Session & { userId: string }> {
  const visitor = await session(api);
  const response = await visitor.agent
    .post('/api/v1/auth/register')
    .set(CSRF_HEADER, visitor.csrf)
    .send({ email, password: 'een-lang-wachtwoord-2026', displayName: `Persoon ${email.split('@')[0]}` })
    .expect(201);
  expect(response.body.user).toMatchObject({ email, emailVerified: false });
  const csrf = response.body.csrfToken as string;
  visitor.agent.set(CSRF_HEADER, csrf);
  return { agent: visitor.agent, csrf, userId: response.body.user.id as string };
}

describe('verified identities: confirmed e-mail addresses and verified organisations', () => {
  let api: TestApi;
  let mail: MailWorker;
  let admin: Session;
  let adminId: string;

  const audits = (action: string, entityId: string) =>
    api.dataSource.getRepository(AuditEventEntity).find({ where: { action, entityId }, order: { occurredAt: 'ASC' } });
  const confirm = (who: Session, token: string) =>
    who.agent.post('/api/v1/auth/email-verification/confirm').send({ token });

  beforeAll(async () => {
    api = await startApi({ seed: false });
    mail = await startMailWorker(api);
    const email = await createUser(api, ['admin']);
    adminId = (await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email })).id;
    admin = await session(api, email);
  });

  afterAll(async () => {
    await mail?.close();
    await api?.close();
  });

  it('an unconfirmed address cannot act for an organisation; the mailed link confirms it once, a replaced or expired link is refused', async () => {
    const email = address('nieuw');
    const person = await register(api, email);

    // Logged in, can read, cannot register an organisation nor start a dossier.
    await person.agent.get('/api/v1/applicants/mine').expect(200);
    const refused = await person.agent.post('/api/v1/applicants').send(organisationInput()).expect(403);
    expect(refused.body).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    expect(refused.body.detail).toMatch(/e-mailadres/);
    expect(await api.dataSource.getRepository(ApplicantEntity).countBy({ contactName: 'Test Persoon' })).toBe(0);

    // The mailed link: only its SHA-256 is stored, and the link leaves the notification row once sent.
    const first = await tokenFromMail(mail.sink, email, ROUTE);
    const links = await api.dataSource.getRepository(EmailVerificationEntity).findBy({ userId: person.userId });
    expect(links).toEqual([expect.objectContaining({ tokenHash: hashToken(first), email, usedAt: null })]);
    const sent = await waitUntil(async () =>
      api.dataSource
        .getRepository(NotificationEntity)
        .findOneBy({ template: 'auth.email_verification', recipient: email, status: 'sent' }),
    );
    expect(sent.payload).not.toHaveProperty('verifyUrl');
    expect(JSON.stringify(sent.payload)).not.toContain(first);

    // Asking again mails a new link and ends the first one.
    await person.agent.post('/api/v1/auth/email-verification').expect(202);
    const second = await tokenFromMail(mail.sink, email, ROUTE, 2);
    expect((await confirm(person, first).expect(410)).body.code).toBe('EMAIL_VERIFICATION_INVALID');

    // An expired link is refused.
    await api.dataSource.query(
      `UPDATE email_verifications SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [hashToken(second)],
    );
    expect((await confirm(person, second).expect(410)).body.code).toBe('EMAIL_VERIFICATION_INVALID');

    // A fresh link confirms the address, once; it works without a session too (opened on another device).
    await person.agent.post('/api/v1/auth/email-verification').expect(202);
    const third = await tokenFromMail(mail.sink, email, ROUTE, 3);
    const elsewhere = await session(api);
    const confirmed = await confirm(elsewhere, third).expect(200);
    expect(confirmed.body).toEqual({ email, emailVerified: true });
    expect((await confirm(person, third).expect(410)).body.code).toBe('EMAIL_VERIFICATION_INVALID');
    expect((await person.agent.get('/api/v1/auth/me').expect(200)).body.user.emailVerified).toBe(true);
    expect((await person.agent.post('/api/v1/auth/email-verification').expect(409)).body.code).toBe(
      'EMAIL_ALREADY_VERIFIED',
    );

    // The audit says what the database holds.
    const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ id: person.userId });
    const issued = await audits('user.email_verification_issued', person.userId);
    expect(issued).toHaveLength(3);
    expect(issued.map((event) => event.after?.earlierLinksEnded)).toEqual([0, 1, 1]);
    const [verified] = await audits('user.email_verified', person.userId);
    expect(verified.after).toMatchObject({
      email,
      via: 'link',
      emailVerifiedAt: user.emailVerifiedAt!.toISOString(),
    });
    const stored = await api.dataSource.getRepository(EmailVerificationEntity).findBy({ userId: person.userId });
    expect(stored.filter((link) => link.usedAt === null)).toEqual([]);

    // Now registration works; the new organisation is to verify.
    const registered = await person.agent.post('/api/v1/applicants').send(organisationInput()).expect(201);
    expect(registered.body).toMatchObject({ verificationStatus: 'to_verify', verificationMotivation: null });
  });

  it('asking for the mail again is limited per person', async () => {
    const person = await register(api, address('herhaal'));
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await person.agent.post('/api/v1/auth/email-verification')).status);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('accepting an invitation mailed to the address confirms it (and ends the confirmation link)', async () => {
    const owner = await applicantWithOrganisation(api);
    const email = address('collega');
    await owner.agent.post(`/api/v1/applicants/${owner.applicantId}/invitations`).send({ email }).expect(201);
    const colleague = await register(api, email);
    const link = await tokenFromMail(mail.sink, email, ROUTE);
    const invitation = await tokenFromMail(mail.sink, email, '/uitnodiging/');
    await colleague.agent.post(`/api/v1/invitations/${invitation}/accept`).expect(200);
    expect((await colleague.agent.get('/api/v1/auth/me').expect(200)).body.user.emailVerified).toBe(true);
    const [event] = await audits('user.email_verified', colleague.userId);
    expect(event.after).toMatchObject({ email, via: 'applicant_invitation' });
    expect((await confirm(colleague, link).expect(410)).body.code).toBe('EMAIL_VERIFICATION_INVALID');
    // And the colleague now acts for the organisation.
    const call = await createCall(api);
    await colleague.agent
      .post(`/api/v1/calls/${call.id}/dossiers`)
      .send({ applicantId: owner.applicantId })
      .expect(201);
  });

  it('a duplicate enterprise number or NIS code is refused without naming who registered it', async () => {
    const secret = {
      legalName: `vzw Geheime Naam ${randomBytes(2).toString('hex')}`,
      contactName: 'Gerda Geheim',
      contactEmail: address('gerda'),
      contactPhone: '+32 9 111 22 33',
    };
    const holder = await applicantWithOrganisation(api, secret);
    const holderEmail = (
      await api.dataSource.query<Array<{ email: string }>>(
        `SELECT u.email FROM users u JOIN applicant_members m ON m.user_id = u.id WHERE m.applicant_id = $1`,
        [holder.applicantId],
      )
    )[0].email;
    const taken = (await api.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id: holder.applicantId }))
      .enterpriseNumber!;
    const stranger = await session(api, await createUser(api));
    for (const locale of ['nl', 'en']) {
      const refused = await stranger.agent
        .post('/api/v1/applicants')
        .set('Accept-Language', locale)
        .send(organisationInput({ enterpriseNumber: `BE${taken}` }))
        .expect(409);
      expect(refused.body.code).toBe('ENTERPRISE_NUMBER_TAKEN');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'enterpriseNumber', code: 'taken' })]);
      const text = JSON.stringify(refused.body);
      for (const leak of [
        secret.legalName,
        secret.contactName,
        secret.contactEmail,
        secret.contactPhone,
        holderEmail,
      ]) {
        expect(text).not.toContain(leak);
      }
      expect(refused.body.detail).toMatch(
        locale === 'nl' ? /beheerder.*administratie/ : /administrator.*administration/,
      );
    }

    const nisCode = String(10_000 + Math.floor(Math.random() * 89_999));
    const government = {
      kind: 'local_government' as const,
      legalName: `Gemeente Geheim ${randomBytes(2).toString('hex')}`,
      nisCode,
      contactName: 'Geert Geheim',
      contactEmail: address('geert'),
    };
    const first = await session(api, await createUser(api));
    await first.agent.post('/api/v1/applicants').send(organisationInput(government)).expect(201);
    const again = await stranger.agent
      .post('/api/v1/applicants')
      .send(
        organisationInput({
          ...government,
          legalName: 'Iets anders',
          contactName: 'Xavier',
          contactEmail: 'x@example.org',
        }),
      )
      .expect(409);
    expect(again.body).toMatchObject({
      code: 'NIS_CODE_TAKEN',
      errors: [expect.objectContaining({ field: 'nisCode' })],
    });
    for (const leak of [government.legalName, government.contactName, government.contactEmail]) {
      expect(JSON.stringify(again.body)).not.toContain(leak);
    }
  });

  it('the admissibility list marks unverified applicants; an admin verifies or rejects (motivation required), audited and mailed', async () => {
    const verifiedOwner = await applicantWithOrganisation(api);
    const unverifiedOwner = await applicantWithOrganisation(api);
    const call = await createCall(api);
    for (const owner of [verifiedOwner, unverifiedOwner]) {
      const { id } = await completeDossier(api, owner, call.id);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    }

    // The admin's list of applicants to verify holds both, with who acts for them.
    const list = await admin.agent.get('/api/v1/applicant-verifications').expect(200);
    const listed = list.body.filter((a: { id: string }) =>
      [verifiedOwner.applicantId, unverifiedOwner.applicantId].includes(a.id),
    );
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ verificationStatus: 'to_verify', admins: [expect.any(Object)] });

    const verified = await admin.agent
      .post(`/api/v1/applicants/${verifiedOwner.applicantId}/verification`)
      .send({ decision: 'verified' })
      .expect(200);
    expect(verified.body).toMatchObject({ verificationStatus: 'verified', verifiedBy: adminId });
    const row = await api.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id: verifiedOwner.applicantId });
    const [event] = await audits('applicant.verified', verifiedOwner.applicantId);
    expect(event.actorUserId).toBe(adminId);
    expect(event.after).toEqual({
      verificationStatus: row.verificationStatus,
      verifiedAt: row.verifiedAt!.toISOString(),
      verifiedBy: row.verifiedBy,
      verificationMotivation: null,
    });
    const stillToVerify = await admin.agent.get('/api/v1/applicant-verifications').expect(200);
    expect(stillToVerify.body.map((a: { id: string }) => a.id)).not.toContain(verifiedOwner.applicantId);
    const verifiedList = await admin.agent.get('/api/v1/applicant-verifications?status=verified').expect(200);
    expect(verifiedList.body.map((a: { id: string }) => a.id)).toContain(verifiedOwner.applicantId);
    await admin.agent.get('/api/v1/applicant-verifications?status=whatever').expect(400);

    await closeCallOnTime(api, call.id);
    const rows = await admin.agent.get(`/api/v1/calls/${call.id}/admissibility`).expect(200);
    const flags = Object.fromEntries(
      rows.body.map((r: { applicantName: string; applicantVerification: string }) => [
        r.applicantName,
        r.applicantVerification,
      ]),
    );
    const names = await api.dataSource.getRepository(ApplicantEntity).findBy({});
    const nameOf = (id: string) => names.find((a) => a.id === id)!.legalName;
    expect(flags).toEqual({
      [nameOf(verifiedOwner.applicantId)]: 'verified',
      [nameOf(unverifiedOwner.applicantId)]: 'to_verify',
    });

    // A rejection needs a motivation: 400 naming the field, nothing changed.
    const noMotivation = await admin.agent
      .post(`/api/v1/applicants/${unverifiedOwner.applicantId}/verification`)
      .send({ decision: 'rejected' })
      .expect(400);
    expect(noMotivation.body.code).toBe('VALIDATION_FAILED');
    expect(noMotivation.body.errors.map((e: { field: string }) => e.field)).toEqual(['motivation']);
    for (const blankText of ['  ', '      ']) {
      const blank = await admin.agent
        .post(`/api/v1/applicants/${unverifiedOwner.applicantId}/verification`)
        .send({ decision: 'rejected', motivation: blankText })
        .expect(400);
      expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['motivation']);
    }
    expect(
      (await api.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id: unverifiedOwner.applicantId }))
        .verificationStatus,
    ).toBe('to_verify');

    const motivation = 'Het ondernemingsnummer hoort bij een andere vereniging.';
    await admin.agent
      .post(`/api/v1/applicants/${unverifiedOwner.applicantId}/verification`)
      .send({ decision: 'rejected', motivation })
      .expect(200);
    const rejectedRow = await api.dataSource
      .getRepository(ApplicantEntity)
      .findOneByOrFail({ id: unverifiedOwner.applicantId });
    const [rejection] = await audits('applicant.verification_rejected', unverifiedOwner.applicantId);
    expect(rejection.after).toEqual({
      verificationStatus: 'rejected',
      verifiedAt: rejectedRow.verifiedAt!.toISOString(),
      verifiedBy: adminId,
      verificationMotivation: motivation,
    });

    // The applicant sees it, with the motivation; its admins got a mail; it can no longer start or submit.
    const mine = await unverifiedOwner.agent.get('/api/v1/applicants/mine').expect(200);
    expect(mine.body[0]).toMatchObject({ verificationStatus: 'rejected', verificationMotivation: motivation });
    const ownerEmail = (
      await api.dataSource.query<Array<{ email: string }>>(
        `SELECT u.email FROM users u JOIN applicant_members m ON m.user_id = u.id WHERE m.applicant_id = $1`,
        [unverifiedOwner.applicantId],
      )
    )[0].email;
    const rejectionMail = await waitUntil(async () =>
      mail.sink.to(ownerEmail).find((m) => (m.subject ?? '').includes('geweigerd')),
    );
    expect(rejectionMail.text).toContain(motivation);
    const open = await createCall(api);
    const start = await unverifiedOwner.agent
      .post(`/api/v1/calls/${open.id}/dossiers`)
      .send({ applicantId: unverifiedOwner.applicantId })
      .expect(403);
    expect(start.body.code).toBe('APPLICANT_REJECTED');

    // Decided once: a second decision is a conflict.
    const twice = await admin.agent
      .post(`/api/v1/applicants/${unverifiedOwner.applicantId}/verification`)
      .send({ decision: 'verified' })
      .expect(409);
    expect(twice.body.code).toBe('APPLICANT_VERIFICATION_DECIDED');
  });

  it('a rejected applicant cannot submit a draft it started before the rejection', async () => {
    const owner = await applicantWithOrganisation(api);
    const call = await createCall(api);
    const { id } = await completeDossier(api, owner, call.id);
    await admin.agent
      .post(`/api/v1/applicants/${owner.applicantId}/verification`)
      .send({ decision: 'rejected', motivation: 'Geen bewijs van vertegenwoordiging.' })
      .expect(200);
    const submit = await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(403);
    expect(submit.body.code).toBe('APPLICANT_REJECTED');
    expect((await owner.agent.get(`/api/v1/dossiers/${id}`).expect(200)).body.status).toBe('draft');
  });

  it('two admins deciding at once: one wins (200), the other gets 409, the row and the audit agree', async () => {
    const owner = await applicantWithOrganisation(api);
    const other = await session(api, await createUser(api, ['admin']));
    const url = `/api/v1/applicants/${owner.applicantId}/verification`;
    const results = await race([
      { label: 'verify', session: admin, request: (s) => s.agent.post(url).send({ decision: 'verified' }) },
      {
        label: 'reject',
        session: other,
        request: (s) => s.agent.post(url).send({ decision: 'rejected', motivation: 'Niet de juiste vereniging.' }),
      },
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect({ statuses, tally: tally(results) }).toMatchObject({ statuses: [200, 409] });
    expect(results.find((r) => r.status === 409)!.code).toBe('APPLICANT_VERIFICATION_DECIDED');
    const winner = results.find((r) => r.status === 200)!;
    const row = await api.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id: owner.applicantId });
    expect(row.verificationStatus).toBe(winner.label === 'verify' ? 'verified' : 'rejected');
    const events = [
      ...(await audits('applicant.verified', owner.applicantId)),
      ...(await audits('applicant.verification_rejected', owner.applicantId)),
    ];
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ verificationStatus: row.verificationStatus, verifiedBy: row.verifiedBy });
  });
});
