import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOBS, QUEUES, type JobName, type MailJobData } from '@portal/contracts';
import { AppConfig, NotificationRepository, renderMail } from '@portal/server';
import type { Job } from 'bullmq';
import type { JobConsumer } from '../jobs/job-handlers';
import { Batcher } from './batcher';
import { MailOutboxRepository, type OutboxMail, type SentMail } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';

/**
 * Sends one notification per job; retried with exponential backoff, then marked failed for an admin to resend.
 * The jobs that run in parallel read their outbox rows, and mark them sent, together (one query each way), so a
 * burst after a deadline costs the database two queries per batch of jobs rather than two per mail. A job completes
 * only once its row is marked sent, so a crash can still resend at most the mails in flight.
 */
/**
 * One Message-ID per outbox row, whatever the hand-over or attempt: a mail delivered twice (a crash between the SMTP
 * answer and marking the row sent, or a re-handover after Redis lost the queue) is recognisable as the same message,
 * and the log's smtp_message_id finds every copy.
 */
export function mailMessageId(notificationId: string): string {
  return `<${notificationId}@subsidieportaal>`;
}

@Processor(QUEUES.mail, { autorun: false })
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap, JobConsumer {
  readonly queue = QUEUES.mail;
  readonly handledJobs: readonly JobName[] = [JOBS.sendMail];
  private readonly logger = new Logger(MailProcessor.name);
  private readonly rows: Batcher<string, OutboxMail | null>;
  private readonly sent: Batcher<SentMail, undefined>;

  constructor(
    private readonly notifications: NotificationRepository,
    outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {
    super();
    this.rows = new Batcher((ids) => outbox.load(ids));
    this.sent = new Batcher(async (mails) => {
      await outbox.markSent(mails);
      return mails.map(() => undefined);
    });
  }

  /** Worker options come from the configuration, so the worker starts only once they are set. */
  onApplicationBootstrap(): void {
    Object.assign(this.worker.opts, {
      lockDuration: this.config.MAIL_LOCK_MS,
      stalledInterval: Math.max(500, Math.floor(this.config.MAIL_LOCK_MS / 2)),
    });
    this.worker.concurrency = this.config.SMTP_POOL_SIZE * 2;
    this.worker.run().catch((error: Error) => this.logger.error(`Mail worker stopped: ${error.message}`));
  }

  async process(job: Job<MailJobData>): Promise<{ status: string; messageId?: string | null }> {
    if (job.name !== JOBS.sendMail) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.mail}`);
    const notification = await this.rows.call(job.data.notificationId);
    if (!notification) return { status: 'missing' };
    // A job replayed after a crash must not send twice what was already sent.
    if (notification.status === 'sent') return { status: 'already-sent' };
    const attempt = job.attemptsMade + 1;
    try {
      const rendered = renderMail(notification.template, notification.locale, notification.payload);
      const messageId = await this.transport.send({
        to: notification.recipient,
        ...rendered,
        messageId: mailMessageId(notification.id),
      });
      await this.sent.call({ id: notification.id, smtpMessageId: messageId, attempts: attempt });
      return { status: 'sent', messageId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt >= (job.opts.attempts ?? 1);
      await this.notifications.markAttemptFailed(notification.id, message, attempt, final);
      this.logger.warn(`Mail ${notification.id} attempt ${attempt} failed${final ? ' (giving up)' : ''}: ${message}`);
      throw error;
    }
  }
}
