import type { INestApplicationContext } from '@nestjs/common';
import { NotificationEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applicantWithOrganisation, createCall, createUser, organisationInput, pdfBuffer } from '../support/factories';
import { binary } from '../support/http';
import { SmtpSink } from '../support/smtp-sink';
import { DEMO, session, startApi, startWorker, type Session, type TestApi } from '../support/test-app';

const FAST = { OUTBOX_POLL_MS: '100', MAIL_ATTEMPTS: '3', MAIL_BACKOFF_MS: '50' };
const INJECTION = 'vzw Test\r\nReply-To: evil@x.example\r\n\r\nDit is een valse tekst vóór de echte inhoud.';
/** The headers the portal writes, as mailparser names them; nothing else may reach a mailbox. */
const PORTAL_HEADERS = ['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to'];

async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type FieldError = { field: string; code: string; message: string };
const fieldErrors = (body: { errors?: FieldError[] }) => (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('hostile input: refused with the field named, never a 5xx, never a spoofed mail', () => {
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    sink = new SmtpSink();
    await sink.start();
    api = await startApi({ overrides: { ...FAST, SMTP_URL: sink.url } });
    worker = await startWorker(api.config);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
  });

  describe('mail header injection through a legal name', () => {
    it('registering an organisation whose legal name holds a line break is a 400 naming legalName', async () => {
      const user = await session(api, await createUser(api));
      const before = await api.dataSource.query('SELECT count(*)::int AS n FROM applicants');
      const response = await user.agent
        .post('/api/v1/applicants')
        .send(organisationInput({ legalName: INJECTION }))
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(fieldErrors(response.body)).toEqual(['legalName:controlCharacter']);
      expect(response.body.errors[0].message).toMatch(/^legalName /);
      expect(await api.dataSource.query('SELECT count(*)::int AS n FROM applicants')).toEqual(before);
    });

    it('a name that reached the database anyway (older data) still yields a mail with exactly the portal headers', async () => {
      const owner = await applicantWithOrganisation(api);
      // As if stored before the rule existed: the MIME builder must hold on its own.
      await api.dataSource.query('UPDATE applicants SET legal_name = $1 WHERE id = $2', [INJECTION, owner.applicantId]);
      const colleague = `collega-${randomBytes(3).toString('hex')}@example.org`;
      await owner.agent
        .post(`/api/v1/applicants/${owner.applicantId}/invitations`)
        .send({ email: colleague })
        .expect(201);
      await waitUntil(async () => sink.to(colleague).length > 0);
      const [mail] = sink.to(colleague);
      expect([...mail.headers.keys()].sort()).toEqual(PORTAL_HEADERS);
      expect(mail.replyTo).toBeUndefined();
      expect(mail.from?.value).toEqual([{ name: 'Subsidieportaal', address: 'no-reply@subsidieportaal.localhost' }]);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((entry) => entry.address) : null).toEqual([
        colleague,
      ]);
      expect(mail.subject).toBe(
        'Uitnodiging om mee te werken voor vzw Test Reply-To: evil@x.example Dit is een valse tekst vóór de echte inhoud.',
      );
      expect(mail.text?.startsWith('Beste,')).toBe(true);
      const row = await api.dataSource
        .getRepository(NotificationEntity)
        .findOneByOrFail({ template: 'applicant.invitation', recipient: colleague });
      expect(row.status).toBe('sent');
    });
  });

  describe('bounded parsing', () => {
    const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

    /** A POST whose body is sent in two halves: the request stays in flight until `finish` is called. */
    function slowPost(path: string, body: string) {
      const { port } = api.app.getHttpServer().address() as AddressInfo;
      const payload = Buffer.from(body);
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      });
      const answer = new Promise<{ status: number; body: { code?: string } }>((resolve, reject) => {
        request.on('error', reject);
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
          );
        });
      });
      request.write(payload.subarray(0, payload.length / 2));
      return {
        finish: () => {
          request.end(payload.subarray(payload.length / 2));
          return answer;
        },
      };
    }

    it('answers 100,000 levels of JSON to the anonymous login route with a 400, and health keeps answering', async () => {
      const inFlight = Array.from({ length: 4 }, () => slowPost('/api/v1/auth/login', deepArray(100_000)));
      // Health answers while every deep request is still in flight.
      await api.http.get('/api/health').expect(200);
      const answers = await Promise.all(inFlight.map((post) => post.finish()));
      expect(answers.map((answer) => `${answer.status} ${answer.body.code}`)).toEqual(
        Array(4).fill('400 JSON_TOO_DEEP'),
      );

      // Several at once, fully sent, with health asked in between: every health check is a 200.
      const anonymous = await session(api);
      const deep = Array.from({ length: 4 }, () =>
        anonymous.agent
          .post('/api/v1/auth/login')
          .set('Content-Type', 'application/json')
          .send(`{"email":${deepArray(100_000)},"password":"x"}`),
      );
      const health = Array.from({ length: 4 }, () => api.http.get('/api/health'));
      const [deepAnswers, healthAnswers] = await Promise.all([Promise.all(deep), Promise.all(health)]);
      expect(deepAnswers.map((answer) => `${answer.status} ${answer.body.code}`)).toEqual(
        Array(4).fill('400 JSON_TOO_DEEP'),
      );
      expect(healthAnswers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    });

    it('refuses deep objects and huge lists before validation, with the limit in the message', async () => {
      const anonymous = await session(api);
      const deepObject = await anonymous.agent
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('Accept-Language', 'en')
        .send('{"a":'.repeat(1000) + '1' + '}'.repeat(1000))
        .expect(400);
      expect(deepObject.body).toMatchObject({ code: 'JSON_TOO_DEEP', detail: expect.stringContaining('32 levels') });
      const huge = await anonymous.agent
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: Array.from({ length: 100_000 }, () => 0), password: 'x' }))
        .expect(400);
      expect(huge.body.code).toBe('JSON_TOO_MANY_ITEMS');
    });
  });

  describe('zero 5xx from ordinary input', () => {
    let owner: Session & { applicantId: string };
    let dossierId: string;
    let version: number;

    beforeAll(async () => {
      owner = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const started = await owner.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: owner.applicantId })
        .expect(201);
      dossierId = started.body.id;
      version = started.body.version;
    });

    function saveDraft(patch: Record<string, unknown>) {
      return owner.agent.patch(`/api/v1/dossiers/${dossierId}`).set('If-Match', String(version)).send(patch);
    }

    it.each([
      ['projectStart', '2028-02-30'],
      ['projectEnd', '2028-04-31'],
      ['projectStart', '0000-01-01'],
    ])('refuses the impossible project date %s = %s with a 400 naming it', async (field, value) => {
      const response = await saveDraft({ [field]: value }).expect(400);
      expect(fieldErrors(response.body)).toEqual([`${field}:isCalendarDate`]);
      expect(response.body.errors[0].message).toContain(field);
    });

    it.each([
      ['title', 'nulCharacter', 'Zomer\u0000in de buurt'],
      ['summary', 'invalidUnicode', 'Buurt \uD800 activiteiten'],
      ['title', 'bidiControl', 'Zomer \u202Ekoorb'],
      ['title', 'controlCharacter', 'Zomer\nin de buurt'],
      ['title', 'maxLength', 'x'.repeat(10_000)],
    ])('refuses a hostile %s as %s', async (field, code, value) => {
      const response = await saveDraft({ [field]: value }).expect(400);
      expect(fieldErrors(response.body)).toEqual([`${field}:${code}`]);
    });

    it('refuses NUL and lone surrogates inside answers, naming the question, and keeps line breaks in long text', async () => {
      const nul = await saveDraft({ answers: { TARGET_GROUP: 'Jongeren\u0000' } }).expect(400);
      expect(fieldErrors(nul.body)).toEqual(['answers.TARGET_GROUP:nulCharacter']);
      const surrogate = await saveDraft({ answers: { TARGET_GROUP: 'Jongeren \uDC00' } }).expect(400);
      expect(fieldErrors(surrogate.body)).toEqual(['answers.TARGET_GROUP:invalidUnicode']);
      const unknownKey = await saveDraft({ answers: { 'X\u0000': 'tekst' } }).expect(400);
      expect(fieldErrors(unknownKey.body)).toEqual(['answers.X\u0000:unknownQuestion']);
      const saved = await saveDraft({
        title: 'Zomer in de buurt – Łódź',
        summary: 'Eerste regel\r\nTweede regel\n\tmet tab',
        answers: { TARGET_GROUP: 'Jongeren uit drie wijken.\nEn hun ouders.' },
      }).expect(200);
      version = saved.body.version;
      expect(saved.body.summary).toBe('Eerste regel\r\nTweede regel\n\tmet tab');
    });

    it('refuses impossible call dates and the minister decision date 0000-01-01, naming the field', async () => {
      const admin = await session(api, DEMO.admin);
      const call = await admin.agent
        .post('/api/v1/calls')
        .send({
          code: `GV-${randomBytes(3).toString('hex').toUpperCase()}`,
          title: 'Oproep',
          description: 'Beschrijving',
          applicantKinds: ['organisation'],
          policyDomains: ['Welzijn'],
          opensAt: '2028-02-30T09:00',
          closesAt: '2028-10-25T23:59:59',
          maxRequestedCents: 5_000_000,
          budgetCents: 25_000_000,
          projectStart: '2029-01-01',
          projectEnd: '2029-04-31',
          oneDossierPerApplicant: true,
          attachments: [],
          questions: [],
          criteria: [],
          tieBreak: ['earlier-submission'],
        })
        .expect(400);
      expect(fieldErrors(call.body)).toEqual(['projectEnd:isCalendarDate']);

      const minister = await session(api, DEMO.minister);
      const anyCall = await createCall(api);
      for (const decisionDate of ['0000-01-01', '2028-02-30']) {
        const approve = await minister.agent
          .post(`/api/v1/calls/${anyCall.id}/proposal/approve`)
          .send({ decisionDate, decisionReference: 'MB-2028-0001' })
          .expect(400);
        expect(fieldErrors(approve.body)).toEqual(['decisionDate:isCalendarDate']);
      }
    });

    it('refuses a display name with a bidi override or a NUL at registration', async () => {
      const anonymous = await session(api);
      for (const [displayName, code] of [
        ['Jan \u202Enavaj', 'bidiControl'],
        ['Jan\u0000', 'nulCharacter'],
      ]) {
        const response = await anonymous.agent
          .post('/api/v1/auth/register')
          .send({
            email: `jan-${randomBytes(3).toString('hex')}@example.org`,
            password: 'Lang-genoeg-2026!',
            displayName,
          })
          .expect(400);
        expect(fieldErrors(response.body)).toEqual([`displayName:${code}`]);
      }
    });

    it('a UTF-8 file name round-trips through upload and download (RFC 5987 filename*)', async () => {
      const name = 'statuten_één_Zoë.pdf';
      const content = pdfBuffer('Statuten');
      const uploaded = await owner.agent
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .field('kind', 'BEGROTING')
        .attach('file', content, name)
        .expect(201);
      expect(uploaded.body.filename).toBe(name);
      const dossier = await owner.agent.get(`/api/v1/dossiers/${dossierId}`).expect(200);
      expect(dossier.body.attachments.map((a: { filename: string }) => a.filename)).toContain(name);
      const download = await binary(
        owner.agent.get(`/api/v1/dossiers/${dossierId}/attachments/${uploaded.body.id}`),
      ).expect(200);
      const disposition = download.headers['content-disposition'];
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(disposition).toContain('filename="statuten___n_Zo_.pdf"');
      expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1])).toBe(name);
      expect(Buffer.compare(download.body, content)).toBe(0);
    });
  });
});
