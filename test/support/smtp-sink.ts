import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a local port that keeps what arrives, parsed; it can be told to refuse mail. */
export class SmtpSink {
  readonly mails: ParsedMail[] = [];
  refuse = false;
  /** Milliseconds the sink takes per message, to make a batch last long enough to interrupt. */
  delayMs = 0;
  private server?: SMTPServer;
  private waiters: Array<() => void> = [];
  /** Connection errors other than resets, for a test to inspect. */
  readonly socketErrors: Error[] = [];

  async start(): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (this.refuse) {
          const error = new Error('Mailbox unavailable (test sink refuses)') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            this.mails.push(mail);
            this.waiters.forEach((wake) => wake());
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client that vanishes mid-session (a worker killed with SIGKILL) resets its socket: expected, not a test failure.
    // Without a listener the server would rethrow it as an uncaught 'error' event and fail the whole suite.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') this.socketErrors.push(error);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`;
  }

  /** Resolves when at least `count` mails arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mails.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Expected ${count} mails, got ${this.mails.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.mails;
  }

  to(address: string): ParsedMail[] {
    return this.mails.filter((mail) => {
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      return to.some((group) => group.value.some((entry) => entry.address === address));
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
