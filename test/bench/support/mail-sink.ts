import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { forkRole, isRole } from './child';

/**
 * A real SMTP server on loopback, in a child process, that accepts every mail and reports its Message-ID.
 * Unlike test/support/smtp-sink.ts it does not parse the message (mailparser costs about as much CPU as
 * sending): a benchmark counts what arrived, the e2e tests check what it says.
 */
export class CountingMailSink {
  /** Message-ID -> how many times it arrived. */
  readonly received = new Map<string, number>();
  count = 0;
  firstAt = 0;
  lastAt = 0;
  private child?: ChildProcess;
  private port = 0;

  async start(): Promise<string> {
    const child = forkRole(__filename, 'mail-sink');
    this.child = child;
    this.port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (message: { port?: number; ids?: string[]; at?: number }) => {
        if (message.port) resolve(message.port);
        if (message.ids) {
          if (this.count === 0) this.firstAt = message.at ?? Date.now();
          for (const id of message.ids) this.received.set(id, (this.received.get(id) ?? 0) + 1);
          this.count += message.ids.length;
          this.lastAt = message.at ?? Date.now();
        }
      });
    });
    return `smtp://127.0.0.1:${this.port}`;
  }

  reset(): void {
    this.received.clear();
    this.count = 0;
    this.firstAt = 0;
    this.lastAt = 0;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    });
  }
}

function serve(): void {
  const send = (message: unknown) => process.send!(message);
  process.on('disconnect', () => process.exit(0));
  let pending: string[] = [];
  let lastAt = 0;
  // Report in batches: one message per mail would cost the main thread more than the mail itself.
  setInterval(() => {
    if (pending.length === 0) return;
    send({ ids: pending, at: lastAt });
    pending = [];
  }, 20).unref();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const match = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head.split(/\r?\n\r?\n/, 1)[0]);
        pending.push(match ? match[1] : '(no Message-ID)');
        lastAt = Date.now();
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    send({ port: (server.server.address() as AddressInfo).port });
  });
}

if (isRole('mail-sink')) serve();
