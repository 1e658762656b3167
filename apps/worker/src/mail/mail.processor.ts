import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JOBS, QUEUES, type MailJobData } from '@portal/contracts';
import { NotificationRepository, renderMail } from '@portal/server';
import type { Job } from 'bullmq';
import { MailTransport } from './mail-transport';

/** Sends one notification per job; retried with exponential backoff, then marked failed for an admin to resend. */
@Processor(QUEUES.mail, { concurrency: 10 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly transport: MailTransport,
  ) {
    super();
  }

  async process(job: Job<MailJobData>): Promise<{ status: string; messageId?: string | null }> {
    if (job.name !== JOBS.sendMail) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.mail}`);
    const notification = await this.notifications.findById(job.data.notificationId);
    if (!notification) return { status: 'missing' };
    // A job replayed after a crash must not send twice what was already sent.
    if (notification.status === 'sent') return { status: 'already-sent' };
    const attempt = job.attemptsMade + 1;
    try {
      const rendered = renderMail(notification.template, notification.locale, notification.payload);
      const messageId = await this.transport.send({
        to: notification.recipient,
        ...rendered,
        messageId: `<${notification.id}.${notification.dispatchCount}@subsidieportaal>`,
      });
      await this.notifications.markSent(notification.id, messageId, attempt);
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
