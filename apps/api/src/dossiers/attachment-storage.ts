import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig } from '@portal/server';
import { VirusScanner } from '../security/virus-scanner';

/**
 * Files live outside any served folder, named by their SHA-256 (content-addressed: the same file
 * uploaded twice is stored once). Writes go to a temporary name first, so a crash never leaves half a file.
 * With CLAMSCAN_PATH set, that temporary file is scanned before it gets its name; an infected file or a failed
 * scan removes it and refuses the upload, so nothing unscanned is ever stored.
 */
@Injectable()
export class AttachmentStorage {
  private readonly root: string;

  constructor(
    config: AppConfig,
    private readonly scanner: VirusScanner,
  ) {
    this.root = resolve(config.UPLOAD_DIR);
  }

  static sha256(content: Buffer): string {
    return createHash('sha256').update(content).digest('hex');
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async store(content: Buffer): Promise<string> {
    const sha256 = AttachmentStorage.sha256(content);
    const target = this.pathOf(sha256);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    // Scanned even when the content is already stored: signatures get newer than the stored file.
    if (!exists || this.scanner.enabled) {
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      await writeFile(temporary, content, { mode: 0o640 });
      try {
        if (this.scanner.enabled) await this.scanner.assertClean(temporary);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      if (exists) await rm(temporary, { force: true });
      else await rename(temporary, target);
    }
    return sha256;
  }
}
