import { NotificationEntity } from '@portal/server';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrivateRedis } from '../support/private-redis';
import { SmtpSink } from '../support/smtp-sink';
import { startApi, type TestApi } from '../support/test-app';

const WORKER_MAIN = resolve(__dirname, '../../dist/server/apps/worker/src/main.js');
const MESSAGES = 150;

function startWorkerProcess(api: TestApi, smtpUrl: string, redisUrl = api.config.REDIS_URL): ChildProcess {
  return spawn(process.execPath, [WORKER_MAIN], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: api.config.DATABASE_URL,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: api.config.REDIS_PREFIX,
      SMTP_URL: smtpUrl,
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_MS: '100',
      MAIL_LOCK_MS: '2000',
      SMTP_POOL_SIZE: '2',
    },
  });
}

describe('a worker killed with SIGKILL in the middle of a batch', () => {
  it('loses no mail, and sends at most one duplicate per message', async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: run npm run build:server first (npm test does)`);
    const sink = new SmtpSink();
    await sink.start();
    sink.delayMs = 10;
    const api = await startApi({ seed: false });
    let worker: ChildProcess | undefined;
    try {
      const repository = api.dataSource.getRepository(NotificationEntity);
      await repository.insert(
        Array.from({ length: MESSAGES }, (_, index) => ({
          template: 'dossier.withdrawn' as const,
          recipient: `crash-${index}@test.subsidieportaal.be`,
          locale: 'nl' as const,
          payload: { title: `Dossier ${index}`, callTitle: 'Oproep' },
        })),
      );
      worker = startWorkerProcess(api, sink.url);
      await sink.waitFor(20, 30_000);
      worker.kill('SIGKILL');
      await new Promise((done) => worker!.once('exit', done));
      const atKill = sink.mails.length;
      expect(atKill).toBeLessThan(MESSAGES);

      worker = startWorkerProcess(api, sink.url);
      const deadline = Date.now() + 60_000;
      while ((await repository.countBy({ status: 'sent' })) < MESSAGES) {
        if (Date.now() > deadline)
          throw new Error(`only ${await repository.countBy({ status: 'sent' })} of ${MESSAGES} sent`);
        await new Promise((done) => setTimeout(done, 200));
      }
      const perRecipient = new Map<string, number>();
      for (const mail of sink.mails) {
        const address = (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address!;
        perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
      }
      expect(perRecipient.size).toBe(MESSAGES);
      expect(Math.max(...perRecipient.values())).toBeLessThanOrEqual(2);
      const duplicates = [...perRecipient.values()].filter((count) => count === 2).length;
      // Only mails in flight at the moment of the kill can be sent twice.
      expect(duplicates).toBeLessThanOrEqual(4);
      // Duplicates carry the same Message-ID, so a mail client shows them once.
      const ids = new Set(sink.mails.map((mail) => mail.messageId));
      expect(ids.size).toBe(MESSAGES);
    } finally {
      worker?.kill('SIGKILL');
      await api.close();
      await sink.stop();
    }
  });
});

describe('a worker killed and Redis restarted EMPTY while mails are queued', () => {
  it('still delivers every mail: rows handed to the lost queue are handed over again', async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: run npm run build:server first (npm test does)`);
    const redis = new PrivateRedis();
    await redis.start();
    const sink = new SmtpSink();
    await sink.start();
    sink.delayMs = 10;
    const api = await startApi({ seed: false, overrides: { REDIS_URL: redis.url } });
    let worker: ChildProcess | undefined;
    try {
      const repository = api.dataSource.getRepository(NotificationEntity);
      await repository.insert(
        Array.from({ length: MESSAGES }, (_, index) => ({
          template: 'dossier.withdrawn' as const,
          recipient: `lost-${index}@test.subsidieportaal.be`,
          locale: 'nl' as const,
          payload: { title: `Dossier ${index}`, callTitle: 'Oproep' },
        })),
      );
      worker = startWorkerProcess(api, sink.url, redis.url);
      await sink.waitFor(20, 30_000);
      worker.kill('SIGKILL');
      await new Promise((done) => worker!.once('exit', done));
      // Redis dies too and comes back with nothing: every waiting job is gone.
      await redis.stop();
      await redis.start();
      const stranded = await repository.countBy({ status: 'queued' });
      // The relay had handed (nearly) everything over: those rows now have no job anywhere.
      expect(stranded).toBeGreaterThan(0);
      expect(sink.mails.length).toBeLessThan(MESSAGES);

      worker = startWorkerProcess(api, sink.url, redis.url);
      const deadline = Date.now() + 60_000;
      while ((await repository.countBy({ status: 'sent' })) < MESSAGES) {
        if (Date.now() > deadline)
          throw new Error(`only ${await repository.countBy({ status: 'sent' })} of ${MESSAGES} sent`);
        await new Promise((done) => setTimeout(done, 200));
      }
      const perRecipient = new Map<string, number>();
      for (const mail of sink.mails) {
        const address = (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address!;
        perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
      }
      expect(perRecipient.size).toBe(MESSAGES);
      // At least once; a duplicate only for mails in flight at the kill, and recognisable by its Message-ID.
      expect(Math.max(...perRecipient.values())).toBeLessThanOrEqual(2);
      expect([...perRecipient.values()].filter((count) => count === 2).length).toBeLessThanOrEqual(4);
      expect(new Set(sink.mails.map((mail) => mail.messageId)).size).toBe(MESSAGES);
      const rows = await repository.find();
      for (const mail of sink.mails)
        expect(rows.some((row) => mail.messageId === `<${row.id}@subsidieportaal>`)).toBe(true);
    } finally {
      worker?.kill('SIGKILL');
      await api.close();
      await sink.stop();
      await redis.stop();
    }
  });
});
