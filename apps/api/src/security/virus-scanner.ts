import { Injectable, Logger } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { AppConfig, AppException } from '@portal/server';

/**
 * Optional virus scan of uploads with ClamAV's command line scanner (clamscan, or clamdscan for a running daemon),
 * on when CLAMSCAN_PATH is set. Exit status 0 means clean and 1 infected; anything else (2 = error, a timeout, a
 * missing binary) means the file could not be checked, and the upload is refused rather than stored unchecked.
 */
@Injectable()
export class VirusScanner {
  private readonly logger = new Logger(VirusScanner.name);

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.CLAMSCAN_PATH !== '';
  }

  /** Throws ATTACHMENT_INFECTED (422) or VIRUS_SCAN_UNAVAILABLE (503) unless the file at `path` (absolute) is clean. */
  async assertClean(path: string): Promise<void> {
    const outcome = await this.run(path);
    if (outcome.status === 0) return;
    if (outcome.status === 1) {
      this.logger.warn({ scanner: outcome.output.slice(0, 500) }, 'Upload refused: the virus scanner found a threat');
      throw new AppException('ATTACHMENT_INFECTED');
    }
    this.logger.error(
      { status: outcome.status, scanner: outcome.output.slice(0, 500) },
      'Virus scan failed; upload refused',
    );
    throw new AppException('VIRUS_SCAN_UNAVAILABLE');
  }

  private run(path: string): Promise<{ status: number | string; output: string }> {
    return new Promise((resolve) => {
      execFile(
        this.config.CLAMSCAN_PATH,
        ['--no-summary', path],
        { timeout: this.config.CLAMSCAN_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, windowsHide: true },
        (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`.trim();
          if (!error) return resolve({ status: 0, output });
          const { code, killed } = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
          resolve({ status: killed ? 'timeout' : (code ?? 'unknown'), output: output || error.message });
        },
      );
    });
  }
}
