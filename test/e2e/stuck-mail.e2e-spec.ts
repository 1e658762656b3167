import { AuditEventEntity, NotificationEntity } from '@portal/server';
import { randomBytes, randomUUID } from 'node:crypto';
import { createUser } from '../support/factories';
import { startMailWorker, waitUntil } from '../support/mail-worker';
import { session, startApi, type TestApi } from '../support/test-app';

describe('stuck mail: an admin sees it and resends many at once', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false });
  });

  afterAll(async () => {
    await api?.close();
  });

  async function row(status: NotificationEntity['status'], extra: Partial<NotificationEntity> = {}): Promise<string> {
    const recipient = `stuck-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
    const inserted = await api.dataSource.getRepository(NotificationEntity).insert({
      template: 'dossier.withdrawn',
      recipient,
      locale: 'nl',
      payload: { title: 'Dossier', callTitle: 'Oproep' } as never,
      status,
      ...(extra as object),
    });
    return inserted.identifiers[0].id as string;
  }

  async function age(id: string, minutes: number): Promise<void> {
    await api.dataSource.query(
      `UPDATE notifications SET created_at = now() - make_interval(mins => $2),
              dispatched_at = CASE WHEN status = 'pending' THEN NULL ELSE now() - make_interval(mins => $2) END
        WHERE id = $1`,
      [id, minutes],
    );
  }

  it('lists failed mail and mail unsent after 15 minutes, resends them in one request, and they arrive', async () => {
    const failed = await row('failed', { attempts: 5, lastError: '550 Mailbox unavailable' });
    const lost = await row('queued', { attempts: 0 });
    await age(lost, 60);
    const recent = await row('queued');
    const sent = await row('sent');
    const pendingOld = await row('pending');
    await age(pendingOld, 30);
    const spentLink = await row('sent', {
      template: 'auth.password_reset',
      payload: { recipientName: 'Iemand', expiresAtBrussels: '01/01/2027 10:00' },
    });

    const applicant = await session(api, await createUser(api));
    expect((await applicant.agent.get('/api/v1/notifications/stuck').expect(403)).body.code).toBe('FORBIDDEN');
    const admin = await session(api, await createUser(api, ['admin']));
    const stuck = await admin.agent.get('/api/v1/notifications/stuck').expect(200);
    const listed = stuck.body.items.map((item: { id: string }) => item.id);
    expect(listed).toEqual(expect.arrayContaining([failed, lost, pendingOld]));
    expect(listed).not.toContain(recent);
    expect(listed).not.toContain(sent);
    expect(stuck.body.total).toBe(listed.length);

    const unknown = randomUUID();
    const resend = await admin.agent
      .post('/api/v1/notifications/resend')
      .send({ ids: [failed, lost, pendingOld, unknown, spentLink] })
      .expect(200);
    expect(resend.body.resent).toEqual([failed, lost]);
    expect(resend.body.refused).toEqual([
      { id: pendingOld, reason: 'pending' },
      { id: unknown, reason: 'not-found' },
      { id: spentLink, reason: 'not-resendable' },
    ]);
    const audited = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ action: 'notification.resent', actorUserId: (await admin.agent.get('/api/v1/auth/me')).body.user.id });
    expect(audited.map((event) => event.entityId).sort()).toEqual([failed, lost].sort());

    const mail = await startMailWorker(api);
    try {
      const rows = api.dataSource.getRepository(NotificationEntity);
      await waitUntil(
        async () =>
          (await rows.countBy([
            { id: failed, status: 'sent' },
            { id: lost, status: 'sent' },
          ])) === 2,
      );
      const ids = new Set(mail.sink.mails.map((message) => message.messageId));
      expect(ids).toContain(`<${failed}@subsidieportaal>`);
      expect(ids).toContain(`<${lost}@subsidieportaal>`);
    } finally {
      await mail.close();
    }
  });

  it('refuses an empty or oversized list, and ids that are not UUIDs, naming the field', async () => {
    const admin = await session(api, await createUser(api, ['admin']));
    const send = (ids: unknown) => admin.agent.post('/api/v1/notifications/resend').send({ ids });
    for (const ids of [[], Array.from({ length: 201 }, () => randomUUID()), ['not-a-uuid'], 'x']) {
      const response = await send(ids);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'ids' })]));
    }
  });
});
