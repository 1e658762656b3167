import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@portal/server';
import { SmtpSink } from './smtp-sink';
import { startWorker, type TestApi } from './test-app';

export interface MailWorker {
  sink: SmtpSink;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * A worker in this process on the API's database and Redis prefix, sending to an SMTP sink of its own: password
 * reset requests are handled by the worker, and a link is read from the mail that arrives, as a person would.
 */
export async function startMailWorker(api: TestApi, overrides: Partial<AppConfig> = {}): Promise<MailWorker> {
  const sink = new SmtpSink();
  await sink.start();
  const config = Object.assign(new AppConfig(), api.config, {
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: 100,
    MAIL_ATTEMPTS: 3,
    MAIL_BACKOFF_MS: 50,
    ...overrides,
  });
  const worker = await startWorker(config);
  return {
    sink,
    worker,
    close: async () => {
      await worker.close();
      await sink.stop();
    },
  };
}

/**
 * Waits until at least `count` mails to `address` hold a portal link under `route` (e.g. '/wachtwoord/') and returns
 * the token of the `count`-th one (oldest first).
 */
export async function tokenFromMail(
  sink: SmtpSink,
  address: string,
  route: string,
  count = 1,
  timeoutMs = 20_000,
): Promise<string> {
  const pattern = new RegExp(`${route.replace(/\//g, '\\/')}([A-Za-z0-9_-]{20,100})`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const links = sink
      .to(address)
      .map((mail) => pattern.exec(mail.text ?? '')?.[1])
      .filter((token): token is string => Boolean(token));
    if (links.length >= count) return links[count - 1];
    if (Date.now() > deadline) throw new Error(`no ${count} mail(s) with ${route} to ${address} (got ${links.length})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls until `probe` answers something truthy. */
export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
