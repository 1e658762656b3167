import type { INestApplicationContext } from '@nestjs/common';
import { type PersonalDataExport } from '@portal/contracts';
import { AuditEventEntity, NotificationEntity, UserEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { RetentionService } from '../../apps/worker/src/privacy/retention.service';
import { applicantWithOrganisation, completeDossier, createCall, withTriggersOff } from '../support/factories';
import { startMailWorker, tokenFromMail } from '../support/mail-worker';
import { DEMO, session, startApi, startWorker, type TestApi } from '../support/test-app';

describe('a person’s own data: GET /auth/me/export', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('holds the account, sessions, memberships, the dossiers one can see, the mails sent and one’s audit trail', async () => {
    const owner = await applicantWithOrganisation(api);
    const other = await applicantWithOrganisation(api);
    const call = await createCall(api);
    const { id } = await completeDossier(api, owner, call.id);
    await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    const { id: otherId } = await completeDossier(api, other, call.id);
    const me = (await owner.agent.get('/api/v1/auth/me').expect(200)).body.user;
    // A reset link was mailed: the export must not hand the link (a live secret) out again. The worker issues it.
    const mail = await startMailWorker(api);
    try {
      await owner.agent.post('/api/v1/auth/password-reset').send({ email: me.email }).expect(202);
      await tokenFromMail(mail.sink, me.email, '/wachtwoord/');
    } finally {
      await mail.close();
    }

    const response = await owner.agent.get('/api/v1/auth/me/export').expect(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.body as PersonalDataExport;

    expect(data).toMatchObject({ format: 'grant-portal.personal-data', version: 1 });
    expect(data.account).toMatchObject({ id: me.id, email: me.email, roles: ['applicant'], locale: 'nl' });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.memberships).toEqual([expect.objectContaining({ applicantId: owner.applicantId, role: 'admin' })]);
    expect(data.dossiers.map((d) => d.id)).toEqual([id]);
    expect(data.dossiers[0]).toMatchObject({
      status: 'submitted',
      createdByMe: true,
      callCode: call.code,
      submissions: [expect.objectContaining({ number: 1, submittedByMe: true })],
      attachments: [expect.objectContaining({ kind: 'BEGROTING', filename: 'begroting.pdf' })],
    });
    expect(JSON.stringify(data)).not.toContain(otherId);

    const templates = data.notifications.map((n) => n.template).sort();
    expect(templates).toEqual(['auth.password_reset', 'dossier.submitted']);
    const reset = data.notifications.find((n) => n.template === 'auth.password_reset')!;
    expect(reset.payload).not.toHaveProperty('resetUrl');
    expect(reset.payload).toHaveProperty('recipientName');

    const actions = data.auditEvents.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'applicant.registered', 'dossier.submitted']));
    expect(actions).toContain('auth.password_reset_requested');

    // Never a password hash, never a token.
    const { passwordHash } = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ id: me.id });
    const text = JSON.stringify(data);
    expect(text).not.toContain(passwordHash);
    expect(text).not.toMatch(/passwordHash|tokenHash|token_hash|\/wachtwoord\//);

    // Taking the copy is itself recorded.
    const recorded = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ action: 'user.data_exported', actorUserId: me.id });
    expect(recorded).toHaveLength(1);
  });

  it('gives a reviewer the assignments and the scores they gave', async () => {
    const owner = await applicantWithOrganisation(api);
    const { id: dossierId } = await completeDossier(api, owner, (await createCall(api)).id);
    const reviewer = await session(api, DEMO.reviewer);
    const reviewerId = (await reviewer.agent.get('/api/v1/auth/me').expect(200)).body.user.id as string;
    // A submitted review on an open call only exists as fabricated history (ADR 0009): triggers off for it.
    let assignment = { id: '' };
    await withTriggersOff(api, async (query) => {
      [assignment] = (await query(
        `INSERT INTO review_assignments (dossier_id, reviewer_id, status, assigned_by, submitted_at)
         VALUES ($1, $2, 'submitted', $2, now()) RETURNING id`,
        [dossierId, reviewerId],
      )) as Array<{ id: string }>;
      await query(
        `INSERT INTO review_scores (assignment_id, criterion_code, score, comment) VALUES ($1, 'TARGET', 3.5, 'Helder.')`,
        [assignment.id],
      );
    });

    const data = (await reviewer.agent.get('/api/v1/auth/me/export').expect(200)).body as PersonalDataExport;
    expect(data.account.roles).toContain('reviewer');
    expect(data.reviews).toEqual([
      expect.objectContaining({
        assignmentId: assignment.id,
        dossierId,
        status: 'submitted',
        scores: [{ criterionCode: 'TARGET', score: 3.5, comment: 'Helder.' }],
      }),
    ]);
    // A reviewer acts for no applicant: the dossier's own content is not theirs to take home.
    expect(data.dossiers).toEqual([]);
  });

  it('is for the person logged in only', async () => {
    await (await session(api)).agent.get('/api/v1/auth/me/export').expect(401);
  });
});

describe('retention: the worker purges what is no longer needed, never the audit trail', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startApi({ overrides: { RETENTION_DAYS: '30', REMINDER_SCAN_MS: '3600000' } });
    worker = await startWorker(api.config);
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('removes ended sessions, used or expired reset links and invitations, and the bodies of old mails', async () => {
    const owner = await applicantWithOrganisation(api);
    const [{ id: userId }] = await api.dataSource.query<Array<{ id: string }>>(
      `SELECT user_id AS id FROM applicant_members WHERE applicant_id = $1`,
      [owner.applicantId],
    );
    const hash = () => randomBytes(32).toString('hex');
    const insertSession = (expires: string, revoked: string | null) =>
      api.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO sessions (token_hash, user_id, expires_at, revoked_at, ip)
         VALUES ($1, $2, now() + $3::interval, now() + $4::interval, '192.0.2.1') RETURNING id`,
        [hash(), userId, expires, revoked],
      );
    const [oldExpired] = await insertSession('-40 days', null);
    const [oldRevoked] = await insertSession('1 day', '-31 days');
    const [recentExpired] = await insertSession('-2 days', null);

    const insertReset = (expires: string, used: string | null) =>
      api.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO password_resets (user_id, token_hash, expires_at, used_at)
         VALUES ($1, $2, now() + $3::interval, now() + $4::interval) RETURNING id`,
        [userId, hash(), expires, used],
      );
    const [oldUsed] = await insertReset('-35 days', '-35 days');
    const [openReset] = await insertReset('1 hour', null);

    const insertInvitation = (expires: string, accepted: string | null) =>
      api.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO invitations (applicant_id, email, token_hash, invited_by, expires_at, accepted_at, accepted_by)
         VALUES ($1, 'collega@example.org', $2, $3, now() + $4::interval, now() + $5::interval,
                 CASE WHEN $5::interval IS NULL THEN NULL ELSE $3::uuid END) RETURNING id`,
        [owner.applicantId, hash(), userId, expires, accepted],
      );
    const [oldAccepted] = await insertInvitation('-50 days', '-60 days');
    const [oldExpiredInvitation] = await insertInvitation('-31 days', null);
    const [pendingInvitation] = await insertInvitation('5 days', null);

    const insertStaffInvitation = (expires: string, accepted: string | null) =>
      api.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO staff_invitations (email, roles, token_hash, invited_by, expires_at, accepted_at, accepted_by)
         VALUES ('medewerker@example.org', ARRAY['reviewer'], $1, $2, now() + $3::interval, now() + $4::interval,
                 CASE WHEN $4::interval IS NULL THEN NULL ELSE $2::uuid END) RETURNING id`,
        [hash(), userId, expires, accepted],
      );
    await insertStaffInvitation('-50 days', '-55 days');
    await insertStaffInvitation('-31 days', null);
    const [pendingStaffInvitation] = await insertStaffInvitation('5 days', null);
    const [recentlyExpiredStaffInvitation] = await insertStaffInvitation('-2 days', null);

    const notifications = api.dataSource.getRepository(NotificationEntity);
    const mail = async (status: 'sent' | 'failed', sentAgo: string | null) => {
      const row = await notifications.save({
        template: 'dossier.submitted',
        recipient: 'aanvrager@example.org',
        locale: 'nl',
        payload: { recipientName: 'Aanvrager', reference: 'GV-X-0001' },
        status,
        dispatchedAt: new Date(),
      });
      if (sentAgo)
        await api.dataSource.query(`UPDATE notifications SET sent_at = now() - $2::interval WHERE id = $1`, [
          row.id,
          sentAgo,
        ]);
      return row.id;
    };
    const oldMail = await mail('sent', '31 days');
    const recentMail = await mail('sent', '1 day');
    const oldFailure = await mail('failed', null);
    await api.dataSource.query(`UPDATE notifications SET created_at = now() - interval '60 days' WHERE id = $1`, [
      oldFailure,
    ]);
    const auditCount = await api.dataSource.getRepository(AuditEventEntity).count();

    const report = await worker.get(RetentionService).purgeOnce();
    expect(report).toMatchObject({
      sessions: 2,
      passwordResets: 1,
      invitations: 2,
      staffInvitations: 2,
      notificationBodies: 1,
    });

    const ids = async (table: string) =>
      (await api.dataSource.query<Array<{ id: string }>>(`SELECT id FROM ${table}`)).map((r) => r.id);
    const sessions = await ids('sessions');
    expect(sessions).not.toContain(oldExpired.id);
    expect(sessions).not.toContain(oldRevoked.id);
    expect(sessions).toContain(recentExpired.id);
    expect(await ids('password_resets')).toEqual([openReset.id]);
    expect(oldUsed.id).toBeDefined();
    const invitations = await ids('invitations');
    expect(invitations).toEqual([pendingInvitation.id]);
    expect([oldAccepted.id, oldExpiredInvitation.id]).not.toContain(pendingInvitation.id);
    expect((await ids('staff_invitations')).sort()).toEqual(
      [pendingStaffInvitation.id, recentlyExpiredStaffInvitation.id].sort(),
    );

    expect((await notifications.findOneByOrFail({ id: oldMail })).payload).toEqual({ purged: true });
    expect((await notifications.findOneByOrFail({ id: oldMail })).status).toBe('sent');
    expect((await notifications.findOneByOrFail({ id: recentMail })).payload).toMatchObject({ reference: 'GV-X-0001' });
    expect((await notifications.findOneByOrFail({ id: oldFailure })).payload).toMatchObject({
      reference: 'GV-X-0001',
    });

    // Nothing of the audit trail went; the pass added one event saying what it removed.
    const audit = api.dataSource.getRepository(AuditEventEntity);
    expect(await audit.count()).toBe(auditCount + 1);
    const purged = await audit.findOneByOrFail({ action: 'retention.purged' });
    expect(purged.after).toMatchObject({ retentionDays: 30, sessions: 2, notificationBodies: 1 });

    // A mail whose body is gone cannot be sent again.
    const admin = await session(api, DEMO.admin);
    const resend = await admin.agent.post(`/api/v1/notifications/${oldMail}/resend`).expect(409);
    expect(resend.body.code).toBe('CONFLICT');

    // A second pass finds nothing and writes nothing.
    expect(await worker.get(RetentionService).purgeOnce()).toEqual({
      sessions: 0,
      passwordResets: 0,
      secondFactorChallenges: 0,
      emailVerifications: 0,
      invitations: 0,
      staffInvitations: 0,
      notificationBodies: 0,
      unreferencedAttachmentBlobs: 0,
      abandonedUploadChunks: 0,
    });
    expect(await audit.countBy({ action: 'retention.purged' })).toBe(1);
  });
});
