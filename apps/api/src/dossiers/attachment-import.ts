import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AttachmentBlobRepository } from './attachment-blob.repository';
import { fileSource, type BlobContent } from './blob-content';

export interface ImportReport {
  /** Blobs moved into the storage by this run. */
  imported: number;
  /** Files that attachment rows name but UPLOAD_DIR does not hold. */
  missing: string[];
  /** Files whose SHA-256 or size is not what their rows say (not imported). */
  corrupt: string[];
  /** Whether every attachment row now points at a stored blob (the foreign key is validated). */
  complete: boolean;
}

async function measure(path: string): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Moves the files earlier versions stored in UPLOAD_DIR (`<dir>/<first two hex>/<sha256>`) into the configured
 * storage, one blob per transaction, each file's SHA-256 and size verified first. Only hashes that no blob holds
 * are read, so a second run (or one interrupted halfway) does only what is left. When nothing is missing or corrupt
 * it validates the foreign key from attachments to blobs, which the migration added NOT VALID on such a database.
 */
export async function importAttachments(
  deps: { dataSource: DataSource; blobs: AttachmentBlobRepository; content: BlobContent },
  uploadDir: string,
  progress: (line: string) => void = () => undefined,
): Promise<ImportReport> {
  const root = resolve(uploadDir);
  const report: ImportReport = { imported: 0, missing: [], corrupt: [], complete: false };
  for (const { sha256, sizeBytes } of await deps.blobs.missingBlobs()) {
    const path = join(root, sha256.slice(0, 2), sha256);
    const found = await measure(path);
    if (!found) {
      report.missing.push(path);
      progress(`missing: ${path}`);
      continue;
    }
    if (found.sha256 !== sha256 || found.size !== sizeBytes) {
      report.corrupt.push(path);
      progress(`corrupt (SHA-256 ${found.sha256}, ${found.size} bytes): ${path}`);
      continue;
    }
    await deps.dataSource.transaction(async (manager) => {
      if ((await deps.blobs.claim(manager, sha256, found.size)) === 'new') {
        await deps.content.write(manager, sha256, found.size, fileSource(path));
      }
    });
    report.imported += 1;
  }
  if (report.missing.length === 0 && report.corrupt.length === 0) {
    if (!(await deps.blobs.foreignKeyValidated())) await deps.blobs.validateForeignKey();
    report.complete = true;
  }
  return report;
}
