import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3_KEY_PREFIX } from '../../apps/api/src/dossiers/s3-blob-content';
import { applicantWithOrganisation, createCall, pdfBuffer } from '../support/factories';
import { binary } from '../support/http';
import { startApi, type Session, type TestApi } from '../support/test-app';

type Applicant = Session & { applicantId: string };

const BUCKET = 'portal-attachments';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * ATTACHMENT_STORAGE=s3 against a real S3-compatible server (s3rver, in this process, files in a temporary folder):
 * the same API, the bytes in the bucket instead of attachment_blob_chunks.
 */
describe('attachments stored in an S3-compatible bucket (ATTACHMENT_STORAGE=s3)', () => {
  let server: S3rver;
  let directory: string;
  let api: TestApi;
  let s3: S3Client;
  let user: Applicant;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'portal-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    const settings = {
      ATTACHMENT_STORAGE: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'eu-west-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
    api = await startApi({ seed: false, overrides: settings });
    s3 = new S3Client({
      endpoint: settings.S3_ENDPOINT,
      region: settings.S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    user = await applicantWithOrganisation(api);
  });

  afterAll(async () => {
    s3?.destroy();
    await api?.close();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  async function draftDossier(owner: Applicant): Promise<string> {
    const call = await createCall(api);
    const started = await owner.agent
      .post(`/api/v1/calls/${call.id}/dossiers`)
      .send({ applicantId: owner.applicantId })
      .expect(201);
    return started.body.id as string;
  }

  function upload(owner: Applicant, dossierId: string, content: Buffer) {
    return owner.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'BEGROTING')
      .attach('file', content, 'begroting.pdf');
  }

  async function objectKeys(): Promise<string[]> {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: S3_KEY_PREFIX }));
    return (listed.Contents ?? []).map((object) => object.Key!).sort();
  }

  it('puts the content in the bucket under its SHA-256, once, and streams it back from there', async () => {
    const head = pdfBuffer(`s3 ${randomBytes(8).toString('hex')}`);
    const content = Buffer.concat([head, randomBytes(3 * 1024 * 1024)]);
    const hash = sha256(content);
    const dossierId = await draftDossier(user);
    const uploaded = await upload(user, dossierId, content).expect(201);
    expect(uploaded.body.sha256).toBe(hash);

    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${S3_KEY_PREFIX}${hash}` }));
    expect(sha256(Buffer.from(await object.Body!.transformToByteArray()))).toBe(hash);
    // The blob's row is there (deduplication, the attachments' foreign key); its bytes are not in the database.
    expect(
      await api.dataSource.query(
        `SELECT b.size_bytes AS size, (SELECT count(*)::int FROM attachment_blob_chunks c WHERE c.sha256 = b.sha256) AS chunks
           FROM attachment_blobs b WHERE b.sha256 = $1`,
        [hash],
      ),
    ).toEqual([{ size: content.length, chunks: 0 }]);

    const other = await applicantWithOrganisation(api);
    const theirs = await draftDossier(other);
    const again = await upload(other, theirs, content).expect(201);
    expect(await objectKeys()).toEqual([`${S3_KEY_PREFIX}${hash}`]);

    const download = await binary(user.agent.get(`/api/v1/dossiers/${dossierId}/attachments/${uploaded.body.id}`));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect((download.body as Buffer).equals(content)).toBe(true);
    const theirCopy = await binary(other.agent.get(`/api/v1/dossiers/${theirs}/attachments/${again.body.id}`));
    expect((theirCopy.body as Buffer).equals(content)).toBe(true);
  });

  it('puts nothing in the bucket for a refused upload', async () => {
    const before = await objectKeys();
    const dossierId = await draftDossier(user);
    const refused = await upload(user, dossierId, Buffer.from('MZ geen pdf')).expect(415);
    expect(refused.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(await objectKeys()).toEqual(before);
  });
});
