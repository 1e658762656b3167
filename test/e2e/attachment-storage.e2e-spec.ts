import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { AttachmentBlobRepository } from '../../apps/api/src/dossiers/attachment-blob.repository';
import { importAttachments } from '../../apps/api/src/dossiers/attachment-import';
import { BlobContent } from '../../apps/api/src/dossiers/blob-content';
import { MAX_ATTACHMENT_BYTES } from '../../apps/api/src/dossiers/content-type';
import { RetentionService } from '../../apps/worker/src/privacy/retention.service';
import { applicantWithOrganisation, createCall, pdfBuffer } from '../support/factories';
import { binary } from '../support/http';
import { startApi, startWorker, type Session, type TestApi } from '../support/test-app';
import { storedZip } from '../support/zip';

type Applicant = Session & { applicantId: string };

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A PDF (by its header) of exactly `size` bytes of random content: every upload of one is a new blob. */
function randomPdf(size: number): Buffer {
  const head = pdfBuffer(`willekeurig ${randomBytes(8).toString('hex')}`);
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

async function draftDossier(api: TestApi, user: Applicant): Promise<string> {
  const call = await createCall(api);
  const started = await user.agent
    .post(`/api/v1/calls/${call.id}/dossiers`)
    .send({ applicantId: user.applicantId })
    .expect(201);
  return started.body.id as string;
}

function upload(user: Applicant, dossierId: string, content: Buffer, name = 'begroting.pdf') {
  return user.agent
    .post(`/api/v1/dossiers/${dossierId}/attachments`)
    .field('kind', 'BEGROTING')
    .attach('file', content, name);
}

async function blobFacts(api: TestApi, hash: string) {
  const [row] = await api.dataSource.query<
    Array<{ blobs: number; size: number | null; chunks: number; bytes: number; largest: number | null }>
  >(
    `SELECT (SELECT count(*)::int FROM attachment_blobs WHERE sha256 = $1) AS blobs,
            (SELECT size_bytes FROM attachment_blobs WHERE sha256 = $1) AS size,
            count(c.seq)::int AS chunks, coalesce(sum(length(c.data)), 0)::int AS bytes, max(length(c.data)) AS largest
       FROM attachment_blob_chunks c WHERE c.sha256 = $1`,
    [hash],
  );
  return row;
}

describe('attachments stored in PostgreSQL (ADR 0019)', () => {
  let api: TestApi;
  let user: Applicant;

  beforeAll(async () => {
    api = await startApi({ seed: false });
    user = await applicantWithOrganisation(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('stores a 10 MB upload as one blob in 256 KiB chunks and streams it back byte for byte', async () => {
    const dossierId = await draftDossier(api, user);
    const content = randomPdf(MAX_ATTACHMENT_BYTES);
    const uploaded = await upload(user, dossierId, content, 'Begroting é.pdf').expect(201);
    expect(uploaded.body).toMatchObject({ sha256: sha256(content), sizeBytes: MAX_ATTACHMENT_BYTES });
    expect(await blobFacts(api, sha256(content))).toEqual({
      blobs: 1,
      size: MAX_ATTACHMENT_BYTES,
      chunks: 40,
      bytes: MAX_ATTACHMENT_BYTES,
      largest: 256 * 1024,
    });
    const [row] = await api.dataSource.query<Array<{ sha256: string }>>(
      'SELECT sha256 FROM attachments WHERE id = $1',
      [uploaded.body.id],
    );
    expect(row.sha256).toBe(sha256(content));

    const download = await binary(user.agent.get(`/api/v1/dossiers/${dossierId}/attachments/${uploaded.body.id}`));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(MAX_ATTACHMENT_BYTES));
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Begroting _.pdf"; filename*=UTF-8''${encodeURIComponent('Begroting é.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(sha256(download.body as Buffer)).toBe(sha256(content));
  });

  it('stores the same file once, uploaded twice to one dossier or by another organisation', async () => {
    const content = pdfBuffer(`gedeeld ${randomBytes(8).toString('hex')}`);
    const first = await draftDossier(api, user);
    const other = await applicantWithOrganisation(api);
    const second = await draftDossier(api, other);
    const uploads = [
      await upload(user, first, content).expect(201),
      await upload(user, first, content).expect(201),
      await upload(other, second, content).expect(201),
    ];
    expect(new Set(uploads.map((response) => response.body.id)).size).toBe(3);
    expect(await blobFacts(api, sha256(content))).toMatchObject({ blobs: 1, chunks: 1, bytes: content.length });
    // Each organisation reads it through its own attachment, and only that one.
    const mine = await binary(user.agent.get(`/api/v1/dossiers/${first}/attachments/${uploads[0].body.id}`));
    expect((mine.body as Buffer).equals(content)).toBe(true);
    await other.agent.get(`/api/v1/dossiers/${first}/attachments/${uploads[0].body.id}`).expect(404);
    const theirs = await binary(other.agent.get(`/api/v1/dossiers/${second}/attachments/${uploads[2].body.id}`));
    expect((theirs.body as Buffer).equals(content)).toBe(true);
  });

  it('stores a new file once when two uploads of it arrive at the same moment', async () => {
    const content = randomPdf(600 * 1024);
    const other = await applicantWithOrganisation(api);
    const [mine, theirs] = [await draftDossier(api, user), await draftDossier(api, other)];
    const answers = await Promise.all([upload(user, mine, content), upload(other, theirs, content)]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(await blobFacts(api, sha256(content))).toMatchObject({ blobs: 1, chunks: 3, bytes: content.length });
  });

  it('recognises DOCX, XLSX and ODT by their zip entries, read back from the staged upload, and refuses a bare zip', async () => {
    const dossierId = await draftDossier(api, user);
    // [Content_Types].xml last, behind an entry larger than a staging chunk (as some producers write it): the
    // sniffing reads the entries by byte range across chunks.
    const docx = storedZip([
      ['_rels/.rels', '<?xml version="1.0"?><Relationships/>'],
      ['word/media/image1.png', randomBytes(600 * 1024)],
      ['word/document.xml', '<?xml version="1.0"?><w:document/>'],
      [
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ],
    ]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Begroting').addRow(['Begeleiding', 12_000]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const odt = storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<?xml version="1.0"?><office:document-content/>'],
    ]);
    const answers = [
      await upload(user, dossierId, docx, 'begroting.docx').expect(201),
      await upload(user, dossierId, xlsx, 'begroting.xlsx').expect(201),
      await upload(user, dossierId, odt, 'begroting.odt').expect(201),
    ];
    expect(answers.map((answer) => [answer.body.contentType, answer.body.filename])).toEqual([
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'begroting.docx'],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'begroting.xlsx'],
      ['application/vnd.oasis.opendocument.text', 'begroting.odt'],
    ]);
    expect((await blobFacts(api, sha256(docx))).bytes).toBe(docx.length);
    const bare = storedZip([['begroting.txt', 'geen kantoordocument']]);
    expect((await upload(user, dossierId, bare, 'begroting.docx').expect(415)).body.code).toBe(
      'ATTACHMENT_TYPE_REFUSED',
    );
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM attachment_upload_chunks')).toEqual([{ n: 0 }]);
  });

  it('refuses an attachment row that names content which is not stored (foreign key)', async () => {
    const dossierId = await draftDossier(api, user);
    await expect(
      api.dataSource.query(
        `INSERT INTO attachments (dossier_id, kind, filename, content_type, size_bytes, sha256, uploaded_by)
         VALUES ($1, 'BEGROTING', 'x.pdf', 'application/pdf', 1, $2, (SELECT id FROM users LIMIT 1))`,
        [dossierId, 'f'.repeat(64)],
      ),
    ).rejects.toThrow(/attachments_blob_fk/);
  });
});

describe('moving files of earlier versions from UPLOAD_DIR into the database', () => {
  let api: TestApi;
  let user: Applicant;
  const uploadDir = join(tmpdir(), `portal-import-test-${process.pid}-${randomBytes(4).toString('hex')}`);

  beforeAll(async () => {
    api = await startApi({ seed: false, overrides: { UPLOAD_DIR: uploadDir } });
    user = await applicantWithOrganisation(api);
  });

  afterAll(async () => {
    rmSync(uploadDir, { recursive: true, force: true });
    await api.close();
  });

  /** An attachment row as an earlier version left it: its file on disk only, the foreign key not yet validated. */
  async function legacyAttachment(dossierId: string, content: Buffer, onDisk: Buffer | null): Promise<string> {
    const hash = sha256(content);
    if (onDisk) {
      mkdirSync(join(uploadDir, hash.slice(0, 2)), { recursive: true });
      writeFileSync(join(uploadDir, hash.slice(0, 2), hash), onDisk);
    }
    await api.dataSource.query(
      `INSERT INTO attachments (dossier_id, kind, filename, content_type, size_bytes, sha256, uploaded_by)
       VALUES ($1, 'BEGROTING', 'oud.pdf', 'application/pdf', $2, $3, (SELECT id FROM users LIMIT 1))`,
      [dossierId, content.length, hash],
    );
    return hash;
  }

  function run() {
    const blobs = new AttachmentBlobRepository(api.dataSource);
    return importAttachments({ dataSource: api.dataSource, blobs, content: api.app.get(BlobContent) }, uploadDir);
  }

  it('imports verified files, reports missing and corrupt ones, and can run again until complete', async () => {
    const dossierId = await draftDossier(api, user);
    await api.dataSource.query('ALTER TABLE attachments DROP CONSTRAINT attachments_blob_fk');
    const good = randomPdf(300 * 1024);
    const lost = pdfBuffer('verloren');
    const damaged = pdfBuffer('beschadigd');
    const goodHash = await legacyAttachment(dossierId, good, good);
    const lostHash = await legacyAttachment(dossierId, lost, null);
    const damagedHash = await legacyAttachment(dossierId, damaged, pdfBuffer('iets anders'));
    await api.dataSource.query(
      `ALTER TABLE attachments ADD CONSTRAINT attachments_blob_fk FOREIGN KEY (sha256)
         REFERENCES attachment_blobs(sha256) ON DELETE RESTRICT NOT VALID`,
    );

    const first = await run();
    expect(first).toEqual({
      imported: 1,
      missing: [join(uploadDir, lostHash.slice(0, 2), lostHash)],
      corrupt: [join(uploadDir, damagedHash.slice(0, 2), damagedHash)],
      complete: false,
    });
    expect(await blobFacts(api, goodHash)).toMatchObject({ blobs: 1, chunks: 2, bytes: good.length });
    expect(await blobFacts(api, damagedHash)).toMatchObject({ blobs: 0, chunks: 0 });
    const [goodRow] = await api.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM attachments WHERE sha256 = $1',
      [goodHash],
    );
    const download = await binary(user.agent.get(`/api/v1/dossiers/${dossierId}/attachments/${goodRow.id}`));
    expect((download.body as Buffer).equals(good)).toBe(true);

    // A second run reads only what is still missing; once the files are back, it completes.
    expect(await run()).toMatchObject({ imported: 0, complete: false });
    mkdirSync(join(uploadDir, lostHash.slice(0, 2)), { recursive: true });
    writeFileSync(join(uploadDir, lostHash.slice(0, 2), lostHash), lost);
    writeFileSync(join(uploadDir, damagedHash.slice(0, 2), damagedHash), damaged);
    expect(await run()).toEqual({ imported: 2, missing: [], corrupt: [], complete: true });
    expect(await run()).toEqual({ imported: 0, missing: [], corrupt: [], complete: true });
    expect(
      await api.dataSource.query(`SELECT convalidated FROM pg_constraint WHERE conname = 'attachments_blob_fk'`),
    ).toEqual([{ convalidated: true }]);
    expect(await blobFacts(api, goodHash)).toMatchObject({ blobs: 1, chunks: 2 });
  });
});

describe('content no attachment names is purged by the retention pass', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await startApi({ seed: false, overrides: { RETENTION_DAYS: '30' } });
    worker = await startWorker(api.config);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('removes an old unreferenced blob with its chunks and keeps referenced and recent ones', async () => {
    const user = await applicantWithOrganisation(api);
    const content = pdfBuffer('blijft');
    await upload(user, await draftDossier(api, user), content).expect(201);
    const orphan = 'a'.repeat(64);
    const recentOrphan = 'b'.repeat(64);
    await api.dataSource.query(
      `INSERT INTO attachment_blobs (sha256, size_bytes, created_at)
       VALUES ($1, 3, now() - interval '31 days'), ($2, 3, now() - interval '29 days')`,
      [orphan, recentOrphan],
    );
    await api.dataSource.query(
      `INSERT INTO attachment_blob_chunks (sha256, seq, data) VALUES ($1, 0, '\\x010203'), ($2, 0, '\\x010203')`,
      [orphan, recentOrphan],
    );
    await api.dataSource.query(
      `UPDATE attachment_blobs SET created_at = now() - interval '40 days' WHERE sha256 = $1`,
      [sha256(content)],
    );
    const report = await worker.get(RetentionService).purgeOnce();
    expect(report.unreferencedAttachmentBlobs).toBe(1);
    expect(await blobFacts(api, orphan)).toMatchObject({ blobs: 0, chunks: 0 });
    expect(await blobFacts(api, recentOrphan)).toMatchObject({ blobs: 1, chunks: 1 });
    expect(await blobFacts(api, sha256(content))).toMatchObject({ blobs: 1, chunks: 1 });
  });

  it('removes staged upload chunks a day old (left by an API that stopped mid-upload), not younger ones', async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    await api.dataSource.query(
      `INSERT INTO attachment_upload_chunks (upload_id, seq, data, created_at)
       VALUES ($1, 0, '\\x010203', now() - interval '25 hours'), ($1, 1, '\\x04', now() - interval '25 hours'),
              ($2, 0, '\\x010203', now() - interval '23 hours')`,
      [old, recent],
    );
    const report = await worker.get(RetentionService).purgeOnce();
    expect(report.abandonedUploadChunks).toBe(2);
    expect(
      await api.dataSource.query('SELECT upload_id AS "uploadId" FROM attachment_upload_chunks ORDER BY seq'),
    ).toEqual([{ uploadId: recent }]);
    await api.dataSource.query('DELETE FROM attachment_upload_chunks WHERE upload_id = $1', [recent]);
  });
});
