import { PROBLEM_CONTENT_TYPE } from '@portal/contracts';
import { AttachmentEntity } from '@portal/server';
import { chmodSync, type ReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { applicantWithOrganisation, completeDossier, createCall, pdfBuffer } from '../support/factories';
import { watchTempFolder, type WatchedTempFolder } from '../support/temp-folder';
import { session, startApi, type Session, type TestApi } from '../support/test-app';

type Applicant = Session & { applicantId: string };

/** Requests from the loopback proxy carry the client address in X-Forwarded-For (trust proxy: loopback). */
function address(): string {
  const bytes = randomBytes(2);
  return `203.0.${bytes[0]}.${bytes[1]}`;
}

async function draftDossier(api: TestApi, user: Applicant): Promise<string> {
  const call = await createCall(api);
  const started = await user.agent
    .post(`/api/v1/calls/${call.id}/dossiers`)
    .send({ applicantId: user.applicantId })
    .expect(201);
  return started.body.id as string;
}

function upload(user: Applicant, dossierId: string, ip: string, content: Buffer = pdfBuffer()) {
  return user.agent
    .post(`/api/v1/dossiers/${dossierId}/attachments`)
    .set('X-Forwarded-For', ip)
    .field('kind', 'BEGROTING')
    .attach('file', content, 'begroting.pdf');
}

function submit(user: Applicant, dossierId: string, ip: string) {
  return user.agent
    .post(`/api/v1/dossiers/${dossierId}/submit`)
    .send({ declaration: true })
    .set('X-Forwarded-For', ip)
    .set('Idempotency-Key', `abuse-${dossierId}`);
}

function attachmentCount(api: TestApi, dossierId: string): Promise<number> {
  return api.dataSource.getRepository(AttachmentEntity).countBy({ dossierId });
}

/** What the attachment storage holds (ADR 0019: in the database, never on the API's disk). */
async function stored(api: TestApi): Promise<{ blobs: number; chunks: number }> {
  const [row] = await api.dataSource.query<Array<{ blobs: number; chunks: number }>>(
    `SELECT (SELECT count(*)::int FROM attachment_blobs) AS blobs, (SELECT count(*)::int FROM attachment_blob_chunks) AS chunks`,
  );
  return row;
}

/** Uploads staged in the database and not removed (ADR 0019: an upload's rows live for its request only). */
async function stagedChunks(api: TestApi): Promise<number> {
  const [row] = await api.dataSource.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM attachment_upload_chunks`,
  );
  return row.n;
}

// Every upload in this file, accepted or refused, is watched: nothing may be written under os.tmpdir() (the API runs
// in this process). Uploads are staged in the database, never on the API's disk (ADR 0019, amendment).
let temp: WatchedTempFolder;

beforeAll(() => {
  temp = watchTempFolder();
});

afterAll(() => {
  temp.restore();
});

describe('rate limits on upload and submit, per user and per IP address', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({
      seed: false,
      overrides: {
        UPLOAD_LIMIT_PER_USER: '3',
        UPLOAD_LIMIT_PER_IP: '5',
        SUBMIT_LIMIT_PER_USER: '2',
        SUBMIT_LIMIT_PER_IP: '3',
        RATE_LIMIT_WINDOW_SECONDS: '600',
      },
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses a 4th upload by one user with 429 UPLOAD_RATE_LIMITED and Retry-After, before reading the file', async () => {
    const user = await applicantWithOrganisation(api);
    const dossierId = await draftDossier(api, user);
    const ip = address();
    for (let n = 0; n < 3; n++) await upload(user, dossierId, ip).expect(201);
    const refused = await upload(user, dossierId, address()).set('Accept-Language', 'en').expect(429);
    expect(refused.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(refused.body.code).toBe('UPLOAD_RATE_LIMITED');
    expect(refused.body.detail).toMatch(/^You uploaded too many files in a short time\. Try again in \d+ seconds\.$/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await attachmentCount(api, dossierId)).toBe(3);
    // Refused before the body is read: a file over the size limit gets the 429, not the 413.
    const huge = Buffer.concat([pdfBuffer(), Buffer.alloc(12 * 1024 * 1024, 0x20)]);
    expect((await upload(user, dossierId, ip, huge).expect(429)).body.code).toBe('UPLOAD_RATE_LIMITED');

    // Another applicant is not affected.
    const other = await applicantWithOrganisation(api);
    await upload(other, await draftDossier(api, other), address()).expect(201);
    expect(await temp.created()).toEqual([]);
    expect(await stagedChunks(api)).toBe(0);
  });

  it('refuses uploads from one address over 5, whoever makes them', async () => {
    const ip = address();
    const first = await applicantWithOrganisation(api);
    const second = await applicantWithOrganisation(api);
    const firstDossier = await draftDossier(api, first);
    const secondDossier = await draftDossier(api, second);
    for (let n = 0; n < 3; n++) await upload(first, firstDossier, ip).expect(201);
    await upload(second, secondDossier, ip).expect(201);
    await upload(second, secondDossier, ip).expect(201);
    const refused = await upload(second, secondDossier, ip).expect(429);
    expect(refused.body.code).toBe('UPLOAD_RATE_LIMITED');
    expect(refused.headers['retry-after']).toBeDefined();
    // The same person from another address still can.
    await upload(second, secondDossier, address()).expect(201);
  });

  it('refuses a 3rd submit by one user with 429 SUBMIT_RATE_LIMITED, and over 3 from one address', async () => {
    const ip = address();
    const user = await applicantWithOrganisation(api);
    const call = await createCall(api);
    const { id } = await completeDossier(api, user, call.id);
    await submit(user, id, ip).expect(200);
    await submit(user, id, ip).expect(200);
    const refused = await submit(user, id, ip).expect(429);
    expect(refused.body).toMatchObject({ code: 'SUBMIT_RATE_LIMITED', status: 429 });
    expect(refused.body.detail).toMatch(
      /^U hebt in korte tijd te vaak ingediend\. Probeer het opnieuw over \d+ seconden\.$/,
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const colleague = await applicantWithOrganisation(api);
    const other = await completeDossier(api, colleague, (await createCall(api)).id);
    await submit(colleague, other.id, ip).expect(200);
    expect((await submit(colleague, other.id, ip).expect(429)).body.code).toBe('SUBMIT_RATE_LIMITED');
    await submit(colleague, other.id, address()).expect(200);
  });
});

describe('request size limits answer 413 with a stable code, never 500', () => {
  let api: TestApi;
  let user: Applicant;
  let dossierId: string;

  beforeAll(async () => {
    api = await startApi({ seed: false });
    user = await applicantWithOrganisation(api);
    dossierId = await draftDossier(api, user);
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE and changes nothing', async () => {
    const before = await user.agent.get(`/api/v1/dossiers/${dossierId}`).expect(200);
    const response = await user.agent
      .patch(`/api/v1/dossiers/${dossierId}`)
      .set('If-Match', String(before.body.version))
      .send({ title: 'x'.repeat(1_200_000) })
      .expect(413);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    const after = await user.agent.get(`/api/v1/dossiers/${dossierId}`).expect(200);
    expect(after.body.version).toBe(before.body.version);
  });

  it('stops reading an upload over 10 MB: 413 ATTACHMENT_TOO_LARGE, nothing stored, nothing staged or on disk', async () => {
    const before = await stored(api);
    const huge = Buffer.concat([pdfBuffer(), Buffer.alloc(25 * 1024 * 1024, 0x20)]);
    const response = await upload(user, dossierId, address(), huge).expect(413);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', status: 413 });
    expect(await attachmentCount(api, dossierId)).toBe(0);
    expect(await stored(api)).toEqual(before);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });

  it('removes what a client cut off halfway had sent, and stores nothing', async () => {
    const before = await stored(api);
    const body = new PassThrough();
    // Over 1 MiB of a file that never ends: four chunks are staged, then the client goes away.
    body.write(Buffer.concat([pdfBuffer('afgebroken'), Buffer.alloc(1024 * 1024 + 1, 0x20)]));
    // superagent sends any stream (chunked), though its types name a file stream.
    const file = body as unknown as ReadStream;
    const request = user.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'BEGROTING')
      .attach('file', file, { filename: 'begroting.pdf', contentType: 'application/pdf' });
    // Sends the request (its answer is never awaited: the client goes away first).
    request.then(
      () => undefined,
      () => undefined,
    );
    for (let waited = 0; (await stagedChunks(api)) < 4; waited += 20) {
      if (waited > 10_000) throw new Error('the upload was never staged');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    request.abort();
    for (let waited = 0; (await stagedChunks(api)) > 0; waited += 20) {
      if (waited > 10_000) throw new Error('the staged chunks of the cut-off upload stayed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await attachmentCount(api, dossierId)).toBe(0);
    expect(await stored(api)).toEqual(before);
    expect(await temp.created()).toEqual([]);
  });

  it('answers 503 UPLOAD_INTERRUPTED, storing nothing, when staged rows vanish (a restart empties the table)', async () => {
    const before = await stored(api);
    const body = new PassThrough();
    body.write(Buffer.concat([pdfBuffer('onderbroken'), Buffer.alloc(1024 * 1024 + 1, 0x20)]));
    const answer = user.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'BEGROTING')
      .attach('file', body as unknown as ReadStream, { filename: 'begroting.pdf', contentType: 'application/pdf' })
      .then((response) => response);
    for (let waited = 0; (await stagedChunks(api)) < 4; waited += 20) {
      if (waited > 10_000) throw new Error('the upload was never staged');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // What a crash of PostgreSQL does to the unlogged staging table: it comes back empty.
    await api.dataSource.query('TRUNCATE attachment_upload_chunks');
    body.end(Buffer.alloc(1000, 0x20));
    const response = await answer;
    expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({
      status: 503,
      code: 'UPLOAD_INTERRUPTED',
    });
    expect(await attachmentCount(api, dossierId)).toBe(0);
    expect(await stored(api)).toEqual(before);
    expect(await stagedChunks(api)).toBe(0);
  });

  it('refuses an oversized form field of an upload (over 1 KB) with 400 MALFORMED_REQUEST, not a 500', async () => {
    const response = await user.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'B'.repeat(4 * 1024))
      .attach('file', pdfBuffer(), 'begroting.pdf')
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_REQUEST');
    expect(await attachmentCount(api, dossierId)).toBe(0);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });

  it('removes the staged rows of an upload refused after it was read (bad or unknown kind, wrong type)', async () => {
    const before = await stored(api);
    // Refused by the validation pipe, before the handler runs.
    const badKind = await user.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'geen code')
      .attach('file', pdfBuffer('slechte soort'), 'begroting.pdf')
      .expect(400);
    expect(badKind.body.code).toBe('VALIDATION_FAILED');
    expect(await stagedChunks(api)).toBe(0);
    const unknownKind = await user.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'ONBEKEND')
      .attach('file', pdfBuffer('onbekende soort'), 'begroting.pdf')
      .expect(400);
    expect(unknownKind.body.code).toBe('VALIDATION_FAILED');
    const wrongType = await user.agent
      .post(`/api/v1/dossiers/${dossierId}/attachments`)
      .field('kind', 'BEGROTING')
      .attach('file', Buffer.from('MZ this is no pdf'), 'begroting.pdf')
      .expect(415);
    expect(wrongType.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(await stored(api)).toEqual(before);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });
});

// The EICAR anti-virus test file, assembled at run time so that no scanner quarantines this source file.
const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE', '!$H+H*'].join('');
const FAKE_CLAMSCAN = resolve(__dirname, '../support/fake-clamscan.sh');

describe('optional virus scan of uploads (CLAMSCAN_PATH, with a stand-in for clamscan)', () => {
  let api: TestApi;
  let user: Applicant;

  beforeAll(async () => {
    chmodSync(FAKE_CLAMSCAN, 0o755);
    api = await startApi({ seed: false, overrides: { CLAMSCAN_PATH: FAKE_CLAMSCAN, CLAMSCAN_TIMEOUT_MS: '2000' } });
    user = await applicantWithOrganisation(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('stores a clean file after scanning it', async () => {
    const dossierId = await draftDossier(api, user);
    const response = await upload(user, dossierId, address(), pdfBuffer('schone begroting')).expect(201);
    expect(
      await api.dataSource.query('SELECT count(*)::int AS n FROM attachment_blobs WHERE sha256 = $1', [
        response.body.sha256,
      ]),
    ).toEqual([{ n: 1 }]);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });

  it('refuses an infected file with 422 ATTACHMENT_INFECTED and stores nothing', async () => {
    const dossierId = await draftDossier(api, user);
    const before = await stored(api);
    const response = await upload(user, dossierId, address(), pdfBuffer(EICAR)).expect(422);
    expect(response.body).toMatchObject({
      code: 'ATTACHMENT_INFECTED',
      detail: 'De virusscanner vond schadelijke inhoud in dit bestand. Het is niet bewaard.',
    });
    expect(await attachmentCount(api, dossierId)).toBe(0);
    expect(await stored(api)).toEqual(before);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });

  it('scans content that is already stored again and leaves nothing staged or on disk', async () => {
    const dossierId = await draftDossier(api, user);
    await upload(user, dossierId, address(), pdfBuffer('nog een schone begroting')).expect(201);
    await upload(user, dossierId, address(), pdfBuffer('nog een schone begroting')).expect(201);
    expect(await attachmentCount(api, dossierId)).toBe(2);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });

  it('answers 503 VIRUS_SCAN_UNAVAILABLE and stores nothing when the scanner fails or hangs', async () => {
    const dossierId = await draftDossier(api, user);
    const before = await stored(api);
    const broken = await upload(user, dossierId, address(), pdfBuffer('FAKE-SCANNER-BREAKS')).expect(503);
    expect(broken.body.code).toBe('VIRUS_SCAN_UNAVAILABLE');
    const started = Date.now();
    const hung = await upload(user, dossierId, address(), pdfBuffer('FAKE-SCANNER-HANGS')).expect(503);
    expect(hung.body.code).toBe('VIRUS_SCAN_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await attachmentCount(api, dossierId)).toBe(0);
    expect(await stored(api)).toEqual(before);
    expect(await stagedChunks(api)).toBe(0);
    expect(await temp.created()).toEqual([]);
  });

  it('answers 503 when the configured scanner does not exist (never stores unscanned files)', async () => {
    const missing = await startApi({ seed: false, overrides: { CLAMSCAN_PATH: '/nonexistent/clamscan' } });
    try {
      const someone = await applicantWithOrganisation(missing);
      const dossierId = await draftDossier(missing, someone);
      const response = await upload(someone, dossierId, address()).expect(503);
      expect(response.body.code).toBe('VIRUS_SCAN_UNAVAILABLE');
      expect(await attachmentCount(missing, dossierId)).toBe(0);
      expect(await stored(missing)).toEqual({ blobs: 0, chunks: 0 });
      expect(await stagedChunks(missing)).toBe(0);
      expect(await temp.created()).toEqual([]);
    } finally {
      await missing.close();
    }
  });
});

describe('anonymous requests that send mail are limited per IP address; API answers are never cached', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false, overrides: { ACCOUNT_LIMIT_PER_IP: '2' } });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses a third account creation or reset request from one address, not from another', async () => {
    const ip = address();
    const register = async (from: string) => {
      const visitor = await session(api);
      return visitor.agent
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', from)
        .send({
          email: `account-${randomBytes(4).toString('hex')}@example.org`,
          password: 'Zomerkamp-Buurtwerking-2026',
          displayName: 'Nieuwe medewerker',
        });
    };
    expect((await register(ip)).status).toBe(201);
    const visitor = await session(api);
    await visitor.agent
      .post('/api/v1/auth/password-reset')
      .set('X-Forwarded-For', ip)
      .send({ email: 'someone@example.org' })
      .expect(202);
    const refused = await register(ip);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('ACCOUNT_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await register(address())).status).toBe(201);
    expect(await api.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 2 }]);
  });

  it('marks API answers no-store', async () => {
    const csrf = await api.http.get('/api/v1/auth/csrf').expect(200);
    expect(csrf.headers['cache-control']).toBe('no-store');
  });
});
