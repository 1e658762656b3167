import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@portal/server';
import { composeMime } from './mime-message';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable Message-ID: a resend after a crash is recognisable as the same mail. */
  messageId: string;
}

/** The one place that talks SMTP: a pooled nodemailer transport. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(private readonly config: AppConfig) {
    const options: SMTPPool.Options & { url: string } = {
      url: config.SMTP_URL,
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      maxMessages: 500,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    };
    this.transporter = createTransport(options);
  }

  async send(mail: OutgoingMail): Promise<string | null> {
    const composed = composeMime({ from: this.config.MAIL_FROM, ...mail, date: new Date() });
    if (!composed) {
      const info = await this.transporter.sendMail({ from: this.config.MAIL_FROM, ...mail });
      return info.messageId ?? null;
    }
    await this.transporter.sendMail(composed);
    return mail.messageId;
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
