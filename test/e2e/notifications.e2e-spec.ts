import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { JOBS, QUEUES, WEB_ROUTES, webUrl } from '@portal/contracts';
import { shortChecksum } from '@portal/domain';
import { NotificationEntity } from '@portal/server';
import type { Queue } from 'bullmq';
import { OutboxRelay } from '../../apps/worker/src/mail/outbox-relay';
import { ReminderScanner } from '../../apps/worker/src/mail/reminder-scanner';
import {
  applicantWithOrganisation,
  completeDossier,
  createCall,
  createUser,
  withTriggersOff,
} from '../support/factories';
import { PrivateRedis } from '../support/private-redis';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, DEMO, session, startApi, startWorker, type TestApi } from '../support/test-app';
import { testConfig } from '../support/test-env';

async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const FAST = { OUTBOX_POLL_MS: '100', MAIL_ATTEMPTS: '3', MAIL_BACKOFF_MS: '50' };

describe('notifications through the outbox, Redis and a real SMTP server', () => {
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.start();
    api = await startApi({ seed: true, overrides: { ...FAST, SMTP_URL: sink.url } });
    worker = await startWorker(api.config);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
  });

  it('submitting a dossier makes exactly one confirmation mail arrive, with the reference and the Brussels time', async () => {
    const user = await applicantWithOrganisation(api);
    const call = await createCall(api, {
      overrides: {
        information: { contactName: 'Els Claes', contactEmail: 'els.claes@cjm.example', contactPhone: '02 553 12 34' },
      },
    });
    const { id } = await completeDossier(api, user, call.id);
    const receipt = await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    // A double click does not send a second mail.
    await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);

    const me = await user.agent.get('/api/v1/auth/me').expect(200);
    const row = await waitUntil(async () => {
      const found = await api.dataSource
        .getRepository(NotificationEntity)
        .findOneBy({ subjectRef: receipt.body.reference });
      return found?.status === 'sent' ? found : null;
    });
    const mails = sink.to(me.body.user.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe(`Ontvangstbevestiging dossier ${receipt.body.reference}`);
    const brussels = new Intl.DateTimeFormat('nl-BE', {
      timeZone: 'Europe/Brussels',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(receipt.body.submittedAt))
      .replace(',', '');
    expect(mail.text).toContain(`Ingediend op: ${brussels} (Brusselse tijd)`);
    // The receipt's words: the dossier number and a short checksum, never the SHA-256 itself.
    expect(mail.text).toContain(`Dossiernummer: ${receipt.body.reference}`);
    expect(mail.text).toContain(`Controlegetal: ${shortChecksum(receipt.body.contentHash)}`);
    expect(mail.text).not.toContain(receipt.body.contentHash);
    expect(mail.text).not.toMatch(/SHA-256|Referentie|Vingerafdruk/);
    // Real links: the text part has the addresses, the HTML part anchors to them.
    const dossierUrl = webUrl(api.config.APP_URL, WEB_ROUTES.applicantDossier(id));
    const receiptUrl = webUrl(api.config.APP_URL, WEB_ROUTES.dossierReceipt(id));
    expect(mail.text).toContain(dossierUrl);
    expect(mail.text).toContain(receiptUrl);
    expect(mail.html).toContain(`<a href="${receiptUrl}">`);
    expect(mail.html).toContain(`<a href="${dossierUrl}">`);
    expect(mail.html).toContain(receipt.body.reference);
    // Whom to ask (the call's contact), what happens next, and who signs.
    expect(mail.text).toContain('Neem contact op met Els Claes, els.claes@cjm.example, 02 553 12 34.');
    expect(mail.text).toContain('Wat gebeurt er nu? De administratie controleert eerst of uw dossier ontvankelijk is');
    expect(mail.text).toMatch(/Met vriendelijke groeten,\nDepartement Cultuur, Jeugd en Media\n$/);
    expect(row.smtpMessageId).toEqual(expect.stringContaining('@subsidieportaal'));
    expect(await api.dataSource.getRepository(NotificationEntity).countBy({ subjectRef: receipt.body.reference })).toBe(
      1,
    );
  });

  it('a person who prefers English gets the confirmation in English', async () => {
    const user = await applicantWithOrganisation(api);
    await user.agent.patch('/api/v1/auth/me').send({ locale: 'en' }).expect(200);
    const call = await createCall(api);
    const { id } = await completeDossier(api, user, call.id);
    const receipt = await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    const me = await user.agent.get('/api/v1/auth/me').expect(200);
    await waitUntil(async () => sink.to(me.body.user.email).length > 0);
    const [mail] = sink.to(me.body.user.email);
    expect(mail.subject).toBe(`Receipt of dossier ${receipt.body.reference}`);
    expect(mail.text).toContain('(Brussels time)');
    // Without a contact in the call's information, the administration's own contact (letter settings).
    expect(mail.text).toContain('Contact Team subsidies, subsidies@portaal.example, 02 553 00 00.');
    expect(mail.text).toContain(`Dossier number: ${receipt.body.reference}`);
  });

  it('a failed submission writes no outbox row (no change, no row)', async () => {
    const user = await applicantWithOrganisation(api);
    const call = await createCall(api);
    const { id } = await completeDossier(api, user, call.id);
    await api.dataSource.query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [call.id]);
    await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(409);
    const me = await user.agent.get('/api/v1/auth/me').expect(200);
    expect(await api.dataSource.getRepository(NotificationEntity).countBy({ recipient: me.body.user.email })).toBe(0);
  });

  it('a replayed relay pass never duplicates a job: the job id is the outbox id', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.mail), { strict: false });
    const relay = worker.get(OutboxRelay);
    const repository = api.dataSource.getRepository(NotificationEntity);
    const row = await repository.save(
      repository.create({
        template: 'dossier.withdrawn',
        recipient: 'replay@test.subsidieportaal.be',
        locale: 'nl',
        payload: { title: 'Replay', callTitle: 'Oproep' },
      }),
    );
    // A relay that put the job in Redis and crashed before marking the row: the row is still pending.
    await queue.add(JOBS.sendMail, { notificationId: row.id }, { jobId: row.id });
    await relay.relayOnce();
    await waitUntil(async () => (await repository.findOneBy({ id: row.id }))?.status === 'sent');
    const jobs = (await queue.getJobs(['completed', 'waiting', 'active', 'delayed'])).filter(
      (job) => job.data.notificationId === row.id,
    );
    expect(jobs).toHaveLength(1);
    expect(sink.to('replay@test.subsidieportaal.be')).toHaveLength(1);
  });

  it('an SMTP server that refuses mail leads to retries, a failed status, and a resend by an admin', async () => {
    const repository = api.dataSource.getRepository(NotificationEntity);
    sink.refuse = true;
    try {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id } = await completeDossier(api, user, call.id);
      const receipt = await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      const failed = await waitUntil(async () => {
        const found = await repository.findOneBy({ subjectRef: receipt.body.reference });
        return found?.status === 'failed' ? found : null;
      });
      expect(failed.attempts).toBe(3);
      expect(failed.lastError).toMatch(/550|Mailbox unavailable/);

      sink.refuse = false;
      const admin = await session(api, DEMO.admin);
      const log = await admin.agent.get('/api/v1/notifications').query({ status: 'failed' }).expect(200);
      expect(log.body.items.map((item: { id: string }) => item.id)).toContain(failed.id);
      const resent = await admin.agent.post(`/api/v1/notifications/${failed.id}/resend`).expect(200);
      expect(resent.body.status).toBe('pending');
      const sent = await waitUntil(async () => {
        const found = await repository.findOneBy({ id: failed.id });
        return found?.status === 'sent' ? found : null;
      });
      expect(sent.dispatchCount).toBe(1);
      const me = await user.agent.get('/api/v1/auth/me').expect(200);
      expect(sink.to(me.body.user.email)).toHaveLength(1);
    } finally {
      sink.refuse = false;
    }
  });
});

describe('with Redis down, submissions still succeed and their mail goes out when Redis is back', () => {
  it('loses nothing', async () => {
    const redis = new PrivateRedis();
    await redis.start();
    const sink = new SmtpSink();
    await sink.start();
    const database = await createTestDatabase();
    const api = await startApi({ database, overrides: { ...FAST, REDIS_URL: redis.url, SMTP_URL: sink.url } });
    const worker = await startWorker(testConfig(database, { ...FAST, REDIS_URL: redis.url, SMTP_URL: sink.url }));
    try {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id } = await completeDossier(api, user, call.id);

      await redis.stop();
      const receipt = await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      expect(receipt.body.reference).toMatch(/-0001$/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const waiting = await api.dataSource
        .getRepository(NotificationEntity)
        .findOneByOrFail({ subjectRef: receipt.body.reference });
      expect(waiting.status).toBe('pending');
      expect(sink.mails).toHaveLength(0);

      await redis.start();
      const mails = await sink.waitFor(1, 30_000);
      expect(mails[0].subject).toContain(receipt.body.reference);
    } finally {
      await worker.close();
      await api.close();
      await redis.stop();
      await sink.stop();
    }
  });
});

describe('reminders of unsubmitted drafts', () => {
  it('go out at the call offsets, once each, only the most urgent when several are due, never for submitted dossiers', async () => {
    const sink = new SmtpSink();
    await sink.start();
    const database = await createTestDatabase();
    const overrides = { ...FAST, SMTP_URL: sink.url, REMINDER_SCAN_MS: '3600000' };
    const api = await startApi({ database, overrides });
    const worker = await startWorker(testConfig(database, overrides));
    const scanner = worker.get(ReminderScanner);
    try {
      const drafter = await applicantWithOrganisation(api);
      const submitter = await applicantWithOrganisation(api);
      const call = await createCall(api, { closesIn: '2 days' });
      await drafter.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: drafter.applicantId })
        .expect(201);
      const { id } = await completeDossier(api, submitter, call.id);
      await submitter.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      const drafterEmail = (await drafter.agent.get('/api/v1/auth/me')).body.user.email as string;

      expect(await scanner.scanOnce()).toBe(1); // 7 days before closing: due
      expect(await scanner.scanOnce()).toBe(0); // once
      await api.dataSource.query(`UPDATE calls SET closes_at = now() + interval '90 minutes' WHERE id = $1`, [call.id]);
      expect(await scanner.scanOnce()).toBe(1); // 1 day and 2 hours both due: one mail, the 2-hour one
      expect(await scanner.scanOnce()).toBe(0);

      await sink.waitFor(3); // two reminders + the submitter's confirmation
      const reminders = sink.to(drafterEmail);
      expect(reminders).toHaveLength(2);
      expect(reminders.every((mail) => mail.subject?.startsWith('Herinnering'))).toBe(true);
      const rows = await api.dataSource.query('SELECT offset_minutes, sent FROM reminders ORDER BY offset_minutes');
      expect(rows).toEqual([
        { offset_minutes: 120, sent: true },
        { offset_minutes: 1440, sent: false },
        { offset_minutes: 10080, sent: true },
      ]);
      const submitterEmail = (await submitter.agent.get('/api/v1/auth/me')).body.user.email as string;
      expect(sink.to(submitterEmail).map((mail) => mail.subject)).toEqual([
        expect.stringMatching(/^Ontvangstbevestiging/),
      ]);

      // A reviewer with an assignment open for more than three days gets one reminder, once.
      const reviewerEmail = await createUser(api, ['reviewer']);
      const [{ id: reviewerId }] = await api.dataSource.query('SELECT id FROM users WHERE email = $1', [reviewerEmail]);
      // An assignment on an open call only exists as fabricated history (ADR 0009): triggers off for it.
      await withTriggersOff(api, async (query) => {
        await query(
          `INSERT INTO review_assignments (dossier_id, reviewer_id, assigned_by, created_at) VALUES ($1, $2, $2, now() - interval '4 days')`,
          [id, reviewerId],
        );
      });
      expect(await scanner.scanReviews()).toBe(1);
      expect(await scanner.scanReviews()).toBe(0);
      await sink.waitFor(4);
      expect(sink.to(reviewerEmail).map((mail) => mail.subject)).toEqual(['Herinnering: beoordelingen staan nog open']);
    } finally {
      await worker.close();
      await api.close();
      await sink.stop();
    }
  });
});
