import { Injectable, Logger } from '@nestjs/common';
import { execFile } from 'node:child_process';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig, AppException } from '@portal/server';

/**
 * Optional virus scan of uploads with ClamAV's command line scanner (clamscan, or clamdscan for a running daemon),
 * on when CLAMSCAN_PATH is set. Exit status 0 means clean and 1 infected; anything else (2 = error, a timeout, a
 * missing binary) means the file could not be checked, and the upload is refused rather than stored unchecked.
 * The content is streamed to the scanner's standard input; clamscan itself may spool it to a file in its own temp
 * folder, clamdscan hands it to clamd (INSTREAM), which may run elsewhere (ADR 0019, amendment).
 */
@Injectable()
export class VirusScanner {
  private readonly logger = new Logger(VirusScanner.name);

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.CLAMSCAN_PATH !== '';
  }

  /**
   * Throws ATTACHMENT_INFECTED (422) or VIRUS_SCAN_UNAVAILABLE (503) unless `content` is clean. The bytes go to the
   * scanner's standard input (`clamscan -`, `clamdscan -`), as the reader asks for them: the API writes no file.
   */
  async assertClean(content: Readable): Promise<void> {
    const outcome = await this.run(content);
    if (outcome.status === 1) {
      this.logger.warn({ scanner: outcome.output.slice(0, 500) }, 'Upload refused: the virus scanner found a threat');
      throw new AppException('ATTACHMENT_INFECTED');
    }
    // Clean only when the scanner says so after it was given every byte: a read that failed halfway is no scan.
    if (outcome.status === 0 && !outcome.inputError) return;
    this.logger.error(
      { status: outcome.status, scanner: outcome.output.slice(0, 500), input: outcome.inputError?.message },
      'Virus scan failed; upload refused',
    );
    throw new AppException('VIRUS_SCAN_UNAVAILABLE');
  }

  private run(content: Readable): Promise<{ status: number | string; output: string; inputError?: Error }> {
    return new Promise((resolve) => {
      let exit: { status: number | string; output: string } | undefined;
      let input: { error?: Error } | undefined;
      const settle = () => {
        if (exit && input) resolve({ ...exit, ...(input.error ? { inputError: input.error } : {}) });
      };
      const child = execFile(
        this.config.CLAMSCAN_PATH,
        ['--no-summary', '-'],
        { timeout: this.config.CLAMSCAN_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, windowsHide: true },
        (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`.trim();
          if (!error) exit = { status: 0, output };
          else {
            const { code, killed } = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
            exit = { status: killed ? 'timeout' : (code ?? 'unknown'), output: output || error.message };
          }
          settle();
        },
      );
      // Backpressure: a chunk is read when the scanner has taken the previous one. A scanner that exits early
      // (EPIPE), is killed at the timeout or cannot start ends the pipeline, which destroys `content` (no more reads).
      const stdin = child.stdin;
      if (!stdin) content.destroy();
      (stdin ? pipeline(content, stdin) : Promise.reject(new Error('scanner has no standard input'))).then(
        () => {
          input = {};
          settle();
        },
        (error: unknown) => {
          input = { error: error instanceof Error ? error : new Error(String(error)) };
          settle();
        },
      );
    });
  }
}
