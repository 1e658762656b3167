import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALL_SECRET_PAYLOAD_FIELDS, type NotificationTemplate } from '@portal/contracts';
import { DataSource } from 'typeorm';

/** What sending one notification needs from its outbox row. */
export interface OutboxMail {
  id: string;
  template: NotificationTemplate;
  recipient: string;
  locale: 'nl' | 'en';
  payload: Record<string, unknown>;
  status: string;
  dispatchCount: number;
}

export interface SentMail {
  id: string;
  smtpMessageId: string | null;
  attempts: number;
}

/**
 * The mail processor's reads and writes of the outbox, for many jobs at once (see Batcher): one query for the rows of
 * all jobs that start together, one for all that were sent together. Plain SQL: at hundreds of mails a second the
 * query builder cost more CPU than the SMTP client. Same columns and meaning as NotificationRepository.findById and
 * markSent, which the rest of the system keeps using.
 */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rows of these ids, in the same order; null for an id without a row. */
  async load(ids: string[]): Promise<Array<OutboxMail | null>> {
    const rows = await this.dataSource.query<OutboxMail[]>(
      `SELECT id, template, recipient, locale, payload, status, dispatch_count AS "dispatchCount"
         FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Marks the mails sent and, in the same statement, removes the payload fields that hold a usable secret (reset and
   * invitation links): once the mail is out, the row no longer holds a working link.
   */
  async markSent(mails: SentMail[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications AS n
          SET status = 'sent', smtp_message_id = sent.message_id, sent_at = now(), attempts = sent.attempts,
              last_error = NULL, payload = n.payload - $4::text[]
         FROM unnest($1::uuid[], $2::varchar[], $3::int[]) AS sent(id, message_id, attempts)
        WHERE n.id = sent.id`,
      [
        mails.map((mail) => mail.id),
        mails.map((mail) => mail.smtpMessageId?.slice(0, 300) ?? null),
        mails.map((mail) => mail.attempts),
        ALL_SECRET_PAYLOAD_FIELDS,
      ],
    );
  }
}
