import { CSRF_HEADER, IDEMPOTENCY_HEADER } from '@portal/contracts';
import { AttachmentEntity, AuditEventEntity, DossierEntity, DossierSubmissionEntity } from '@portal/server';
import { createHash, randomUUID } from 'node:crypto';
import {
  applicantWithOrganisation,
  COMPLETE_DRAFT,
  completeDossier,
  createCall,
  organisationInput,
  pdfBuffer,
} from '../support/factories';
import { startApi, type TestApi } from '../support/test-app';

describe('dossiers on real PostgreSQL', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false });
  });

  afterAll(async () => {
    await api.close();
  });

  describe('the deadline, decided by the database clock', () => {
    it('refuses a submission one second late, whatever the client says', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id } = await completeDossier(api, user, call.id);
      await api.dataSource.query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [call.id]);

      const late = await user.agent
        .post(`/api/v1/dossiers/${id}/submit`)
        .send({ declaration: true })
        .set('Date', new Date(Date.now() - 3600_000).toUTCString())
        .expect(409);
      expect(late.body.code).toBe('DEADLINE_PASSED');
      expect(late.body.detail).toMatch(/Brusselse tijd/);
      expect(await api.dataSource.getRepository(DossierSubmissionEntity).count({ where: { dossierId: id } })).toBe(0);
      const dossier = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id });
      expect(dossier.status).toBe('draft');
      // The reference given when it was started stays; no other number was taken (ADR 0021).
      expect(dossier.reference).toBe(`${call.code}-0001`);
      expect(
        (await api.dataSource.query('SELECT dossier_seq FROM calls WHERE id = $1', [call.id]))[0].dossier_seq,
      ).toBe(1);
      // After the deadline the dossier is read-only for the applicant.
      const save = await user.agent
        .patch(`/api/v1/dossiers/${id}`)
        .set('If-Match', String(dossier.version))
        .send({ title: 'x' });
      expect(save.status).toBe(409);
      expect(save.body.code).toBe('DEADLINE_PASSED');
    });

    it('accepts a submission just in time and gives a receipt with reference, moment and hash', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id } = await completeDossier(api, user, call.id);
      await api.dataSource.query(`UPDATE calls SET closes_at = now() + interval '3 seconds' WHERE id = $1`, [call.id]);

      const receipt = await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      expect(receipt.body.reference).toBe(`${call.code}-0001`);
      expect(receipt.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const [{ closes_at }] = await api.dataSource.query('SELECT closes_at FROM calls WHERE id = $1', [call.id]);
      expect(new Date(receipt.body.submittedAt).getTime()).toBeLessThanOrEqual(new Date(closes_at).getTime());
      const again = await user.agent.get(`/api/v1/dossiers/${id}/receipt`).expect(200);
      expect(again.body).toEqual(receipt.body);
    });
  });

  describe('one dossier per applicant per call', () => {
    it('twenty concurrent starts by colleagues leave exactly one dossier', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          user.agent.post(`/api/v1/calls/${call.id}/dossiers`).send({ applicantId: user.applicantId }),
        ),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await api.dataSource.getRepository(DossierEntity).count({ where: { callId: call.id } })).toBe(1);
      // The starts that lost gave their number back: one dossier, one number (ADR 0021).
      expect(new Set(responses.map((r) => r.body.reference))).toEqual(new Set([`${call.code}-0001`]));
      expect(
        (await api.dataSource.query('SELECT dossier_seq FROM calls WHERE id = $1', [call.id]))[0].dossier_seq,
      ).toBe(1);
    });

    it('gives the reference when the dossier is started, in the order of the starts, whatever the order of the submits', async () => {
      const call = await createCall(api);
      const first = await applicantWithOrganisation(api);
      const second = await applicantWithOrganisation(api);
      const firstDossier = await completeDossier(api, first, call.id);
      const secondDossier = await completeDossier(api, second, call.id);
      const draft = await first.agent.get(`/api/v1/dossiers/${firstDossier.id}`).expect(200);
      expect(draft.body).toMatchObject({ status: 'draft', reference: `${call.code}-0001` });
      const secondReceipt = await second.agent
        .post(`/api/v1/dossiers/${secondDossier.id}/submit`)
        .send({ declaration: true })
        .expect(200);
      expect(secondReceipt.body.reference).toBe(`${call.code}-0002`);
      const firstReceipt = await first.agent
        .post(`/api/v1/dossiers/${firstDossier.id}/submit`)
        .send({ declaration: true })
        .expect(200);
      expect(firstReceipt.body.reference).toBe(`${call.code}-0001`);
      const created = await api.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ entityId: firstDossier.id, action: 'dossier.created' });
      expect(created.after).toMatchObject({ reference: `${call.code}-0001` });
      const [{ dossier_seq }] = await api.dataSource.query('SELECT dossier_seq FROM calls WHERE id = $1', [call.id]);
      expect(dossier_seq).toBe(2);
    });

    it('twenty concurrent submits (double clicks, retries) give one submission and the same receipt', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id } = await completeDossier(api, user, call.id);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          user.agent
            .post(`/api/v1/dossiers/${id}/submit`)
            .send({ declaration: true })
            .set(IDEMPOTENCY_HEADER, index % 2 ? 'same-key-for-retries' : randomUUID()),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(await api.dataSource.getRepository(DossierSubmissionEntity).count({ where: { dossierId: id } })).toBe(1);
      expect(
        await api.dataSource.getRepository(DossierEntity).count({ where: { callId: call.id, status: 'submitted' } }),
      ).toBe(1);
    });

    it('a changed dossier can be resubmitted until the deadline; every version is kept, the reference stays', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id, version } = await completeDossier(api, user, call.id);
      const first = await user.agent
        .post(`/api/v1/dossiers/${id}/submit`)
        .send({ declaration: true })
        .set(IDEMPOTENCY_HEADER, 'first-submit')
        .expect(200);
      const changed = await user.agent
        .patch(`/api/v1/dossiers/${id}`)
        .set('If-Match', String(version))
        .send({ requestedCents: 6_500_000 })
        .expect(200);
      expect(changed.body.hasUnsubmittedChanges).toBe(true);
      const second = await user.agent
        .post(`/api/v1/dossiers/${id}/submit`)
        .send({ declaration: true })
        .set(IDEMPOTENCY_HEADER, 'second-submit')
        .expect(200);
      expect(second.body.submissionNumber).toBe(2);
      expect(second.body.reference).toBe(first.body.reference);
      expect(second.body.contentHash).not.toBe(first.body.contentHash);
      // The first key still answers with the first receipt.
      const replay = await user.agent
        .post(`/api/v1/dossiers/${id}/submit`)
        .send({ declaration: true })
        .set(IDEMPOTENCY_HEADER, 'first-submit')
        .expect(200);
      expect(replay.body).toEqual(first.body);
      const versions = await api.dataSource
        .getRepository(DossierSubmissionEntity)
        .find({ where: { dossierId: id }, order: { number: 'ASC' } });
      expect(versions.map((v) => (v.content as { requestedCents: number }).requestedCents)).toEqual([
        7_000_000, 6_500_000,
      ]);

      const withdrawn = await user.agent.post(`/api/v1/dossiers/${id}/withdraw`).expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      expect(withdrawn.body.editable).toBe(false);
      expect(withdrawn.body.timeline.map((e: { action: string }) => e.action)).toEqual([
        'dossier.created',
        'dossier.submitted',
        'dossier.submitted',
        'dossier.withdrawn',
      ]);
      // After withdrawing, a new dossier can be started.
      await user.agent.post(`/api/v1/calls/${call.id}/dossiers`).send({ applicantId: user.applicantId }).expect(201);
    });
  });

  describe('amounts, eligibility and identifiers', () => {
    it('stores a draft one cent above the cap with the issue naming the field; the submit refuses it', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(201);
      const save = (version: number, requestedCents: number) =>
        user.agent
          .patch(`/api/v1/dossiers/${started.body.id}`)
          .set('If-Match', String(version))
          .send({ budgetLines: [{ description: 'Alles', amountCents: 20_000_000 }], requestedCents });
      const above = await save(started.body.version, 10_000_001).expect(200);
      expect(above.body.requestedCents).toBe(10_000_001);
      const cap = (above.body.issues as Array<{ field: string; code: string; message: { nl: string } }>).find(
        (i) => i.code === 'AMOUNT_ABOVE_CAP',
      );
      expect(cap).toMatchObject({ field: 'requestedCents' });
      expect(cap?.message.nl).toContain('100.000,00');
      const refused = await user.agent
        .post(`/api/v1/dossiers/${started.body.id}/submit`)
        .send({ declaration: true })
        .set(IDEMPOTENCY_HEADER, randomUUID())
        .expect(422);
      expect(refused.body.errors).toContainEqual(
        expect.objectContaining({ field: 'requestedCents', code: 'AMOUNT_ABOVE_CAP' }),
      );
      const within = await save(above.body.version, 10_000_000).expect(200);
      expect(within.body.issues.map((i: { code: string }) => i.code)).not.toContain('AMOUNT_ABOVE_CAP');
    });

    it('stores a requested amount above the total cost minus other income, with that issue', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(201);
      const response = await user.agent
        .patch(`/api/v1/dossiers/${started.body.id}`)
        .set('If-Match', String(started.body.version))
        .send({
          budgetLines: [{ description: 'Alles', amountCents: 5_000_000 }],
          otherIncomeCents: 1_000_000,
          requestedCents: 4_000_001,
        })
        .expect(200);
      expect(response.body.issues).toContainEqual(
        expect.objectContaining({ field: 'requestedCents', code: 'AMOUNT_ABOVE_COST' }),
      );
    });

    it('refuses an applicant outside the policy domains or of the wrong kind', async () => {
      const call = await createCall(api, { overrides: { policyDomains: ['Cultuur', 'Sport'] } });
      const wrongDomain = await applicantWithOrganisation(api, { policyDomains: ['Welzijn'] });
      const domain = await wrongDomain.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: wrongDomain.applicantId })
        .expect(422);
      expect(domain.body.code).toBe('INELIGIBLE_APPLICANT');
      expect(domain.body.detail).toMatch(/beleidsdomeinen Cultuur, Sport/);

      const localGovernment = await applicantWithOrganisation(api, {
        kind: 'local_government',
        enterpriseNumber: undefined,
        nisCode: String(10000 + Math.floor(Math.random() * 89999)),
      });
      const kind = await localGovernment.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: localGovernment.applicantId })
        .expect(422);
      expect(kind.body.code).toBe('INELIGIBLE_APPLICANT');
      expect(await api.dataSource.getRepository(DossierEntity).count({ where: { callId: call.id } })).toBe(0);
    });

    it('refuses a malformed enterprise number, a wrong check digit, a taken number and a bad IBAN', async () => {
      const first = await applicantWithOrganisation(api);
      const { agent, csrf } = first;
      const register = (body: object) => agent.post('/api/v1/applicants').set(CSRF_HEADER, csrf).send(body);
      const malformed = await register(organisationInput({ enterpriseNumber: '0412.345.6' })).expect(400);
      expect(malformed.body).toMatchObject({
        code: 'INVALID_ENTERPRISE_NUMBER',
        errors: [expect.objectContaining({ field: 'enterpriseNumber' })],
      });
      const checksum = await register(organisationInput({ enterpriseNumber: '0412.345.615' })).expect(400);
      expect(checksum.body.code).toBe('INVALID_ENTERPRISE_NUMBER');
      const taken = organisationInput();
      await register(taken).expect(201);
      const again = await register({ ...taken, enterpriseNumber: `BE ${taken.enterpriseNumber}` }).expect(409);
      expect(again.body.code).toBe('ENTERPRISE_NUMBER_TAKEN');
      const iban = await register(organisationInput({ iban: 'BE00 0000 0000 0000' })).expect(400);
      expect(iban.body).toMatchObject({ code: 'INVALID_IBAN', errors: [expect.objectContaining({ field: 'iban' })] });
      const mine = await agent.get('/api/v1/applicants/mine').expect(200);
      expect(mine.body).toHaveLength(2);
    });
  });

  describe('isolation between organisations', () => {
    it("one organisation cannot read or change another's dossier: 404, never data", async () => {
      const owner = await applicantWithOrganisation(api);
      const other = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const { id, version } = await completeDossier(api, owner, call.id);
      const attempts = [
        other.agent.get(`/api/v1/dossiers/${id}`),
        other.agent.get(`/api/v1/dossiers/${id}/receipt`),
        other.agent.patch(`/api/v1/dossiers/${id}`).set('If-Match', String(version)).send({ title: 'overgenomen' }),
        other.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }),
        other.agent.post(`/api/v1/dossiers/${id}/withdraw`),
        other.agent
          .post(`/api/v1/dossiers/${id}/attachments`)
          .field('kind', 'BEGROTING')
          .attach('file', pdfBuffer(), 'x.pdf'),
        other.agent.post(`/api/v1/calls/${call.id}/dossiers`).send({ applicantId: owner.applicantId }),
        other.agent.get('/api/v1/dossiers/not-a-uuid'),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('NOT_FOUND');
        expect(JSON.stringify(response.body)).not.toContain(COMPLETE_DRAFT.title);
      }
      const mine = await other.agent.get('/api/v1/dossiers/mine').expect(200);
      expect(mine.body).toEqual([]);
      const dossier = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id });
      expect(dossier.title).toBe(COMPLETE_DRAFT.title);
      expect(dossier.status).toBe('draft');
    });
  });

  describe('drafts and attachments', () => {
    it('a stale save gets a conflict with the current version instead of overwriting', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(201);
      const version = String(started.body.version);
      await user.agent
        .patch(`/api/v1/dossiers/${started.body.id}`)
        .set('If-Match', version)
        .send({ title: 'Versie van Ann' })
        .expect(200);
      const stale = await user.agent
        .patch(`/api/v1/dossiers/${started.body.id}`)
        .set('If-Match', version)
        .send({ title: 'Versie van Bert' })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(stale.body.current).toMatchObject({ title: 'Versie van Ann', version: started.body.version + 1 });
      const missing = await user.agent
        .patch(`/api/v1/dossiers/${started.body.id}`)
        .send({ title: 'zonder versie' })
        .expect(428);
      expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    });

    it('checks an attachment by its content, stores its SHA-256 and refuses what is not allowed', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(201);
      const upload = (content: Buffer, name: string, kind = 'BEGROTING') =>
        user.agent
          .post(`/api/v1/dossiers/${started.body.id}/attachments`)
          .field('kind', kind)
          .attach('file', content, name);

      const pdf = pdfBuffer();
      const accepted = await upload(pdf, '../../etc/begroting 2027.pdf').expect(201);
      expect(accepted.body).toMatchObject({
        contentType: 'application/pdf',
        filename: 'begroting 2027.pdf',
        sizeBytes: pdf.length,
      });
      expect(accepted.body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

      const disguised = await upload(Buffer.from('#!/bin/sh\necho not a pdf\n'), 'begroting.pdf').expect(415);
      expect(disguised.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
      const tooLarge = await upload(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'groot.pdf').expect(413);
      expect(tooLarge.body.code).toBe('ATTACHMENT_TOO_LARGE');
      const unknownKind = await upload(pdf, 'x.pdf', 'ONBEKEND').expect(400);
      expect(unknownKind.body.errors[0].field).toBe('kind');
      expect(
        await api.dataSource.getRepository(AttachmentEntity).count({ where: { dossierId: started.body.id } }),
      ).toBe(1);
    });

    it('refuses to submit an incomplete dossier and names what is missing', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api);
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(201);
      const response = await user.agent
        .post(`/api/v1/dossiers/${started.body.id}/submit`)
        .send({ declaration: true })
        .expect(422);
      expect(response.body.code).toBe('DOSSIER_INCOMPLETE');
      const fields = response.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'title',
          'summary',
          'answers.TARGET_GROUP',
          'answers.REACH',
          'attachments.BEGROTING',
          'requestedCents',
        ]),
      );
    });
  });
});
