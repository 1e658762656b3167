import 'reflect-metadata';
import { dataSourceOptions, loadConfigOrExit } from '@portal/server';
import { DataSource } from 'typeorm';
import { AttachmentBlobRepository } from '../dossiers/attachment-blob.repository';
import { importAttachments } from '../dossiers/attachment-import';
import { createBlobContent } from '../dossiers/attachment-storage';

/**
 * `npm run attachments:import`: moves attachments stored on disk by versions before ADR 0019 (UPLOAD_DIR) into the
 * configured storage (ATTACHMENT_STORAGE). Idempotent; run it after `npm run migrate`. Exit status 1 when files are
 * missing or corrupt: they are listed, the rest is imported, and running it again after fixing them finishes.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const dataSource = await new DataSource(dataSourceOptions(config, [], { poolSize: 2 })).initialize();
  try {
    const blobs = new AttachmentBlobRepository(dataSource);
    const content = await createBlobContent(config, blobs);
    process.stdout.write(`Importing attachments from ${config.UPLOAD_DIR} into ${content.driver}\n`);
    const report = await importAttachments({ dataSource, blobs, content }, config.UPLOAD_DIR, (line) =>
      process.stdout.write(`${line}\n`),
    );
    process.stdout.write(
      `Imported ${report.imported} file(s); ${report.missing.length} missing, ${report.corrupt.length} corrupt\n`,
    );
    if (report.complete) process.stdout.write('Every attachment is in storage; UPLOAD_DIR is no longer needed\n');
    else process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Import failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
