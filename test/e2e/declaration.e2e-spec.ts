import { declarationText, IDEMPOTENCY_HEADER } from '@portal/contracts';
import { AuditEventEntity, DossierEntity, DossierSubmissionEntity } from '@portal/server';
import { applicantWithOrganisation, completeDossier, createCall } from '../support/factories';
import { createCatalogueCall, localGovernment, startSubscription, THREE_ACTIONS } from '../support/catalogue';
import type { Session, TestApi } from '../support/test-app';
import { startApi } from '../support/test-app';

type Errors = Array<{ field: string; code: string; message: string }>;

describe('the declaration on honour, accepted with every submission', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ seed: false });
  });

  afterAll(async () => {
    await api.close();
  });

  /** What a refused submit must leave as it was: no submission, no audit record, the dossier still a draft. */
  async function expectNothingSubmitted(id: string): Promise<void> {
    expect(await api.dataSource.getRepository(DossierSubmissionEntity).count({ where: { dossierId: id } })).toBe(0);
    expect(
      await api.dataSource
        .getRepository(AuditEventEntity)
        .count({ where: { entityId: id, action: 'dossier.submitted' } }),
    ).toBe(0);
    const dossier = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id });
    // It keeps the reference it got when it was started (ADR 0021), and nothing else changed.
    expect(dossier).toMatchObject({ status: 'draft', submissionCount: 0, submittedAt: null });
    expect(dossier.reference).toMatch(/-0001$/);
  }

  async function refused(user: Session, id: string, body: object | undefined, language = 'nl-BE') {
    const request = user.agent.post(`/api/v1/dossiers/${id}/submit`).set('Accept-Language', language);
    const response = await (body === undefined ? request : request.send(body)).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const errors = response.body.errors as Errors;
    expect(errors.map((error) => error.field)).toEqual(['declaration']);
    return errors[0].message;
  }

  it('refuses a dossier submitted without it (missing, false, or "true" as text), and nothing changes', async () => {
    const user = await applicantWithOrganisation(api, { legalName: 'vzw Buurtwerk De Brug' });
    const call = await createCall(api);
    const { id } = await completeDossier(api, user, call.id);

    expect(await refused(user, id, undefined)).toBe('Bevestig de verklaring op eer om in te dienen.');
    expect(await refused(user, id, {})).toBe('Bevestig de verklaring op eer om in te dienen.');
    expect(await refused(user, id, { declaration: false }, 'en')).toBe('Confirm the declaration on honour to submit.');
    await refused(user, id, { declaration: 'true' });
    await refused(user, id, { declaration: 1 });
    await expectNothingSubmitted(id);
  });

  it('stores the accepted text with the submission, in the audit record and on the receipt: the three agree', async () => {
    const user = await applicantWithOrganisation(api, { legalName: 'vzw Buurtwerk De Brug' });
    const call = await createCall(api);
    const { id } = await completeDossier(api, user, call.id);

    const receipt = await user.agent
      .post(`/api/v1/dossiers/${id}/submit`)
      .set(IDEMPOTENCY_HEADER, 'declared-once')
      .set('Accept-Language', 'nl-BE')
      .send({ declaration: true })
      .expect(200);
    const expected = declarationText('nl', 'vzw Buurtwerk De Brug');
    expect(expected).toContain('Ik verklaar op eer');
    expect(expected).toContain('vzw Buurtwerk De Brug');
    expect(expected).not.toContain('{{');
    expect(receipt.body.declaration).toBe(expected);

    const submission = await api.dataSource.getRepository(DossierSubmissionEntity).findOneByOrFail({ dossierId: id });
    expect(submission.declaration).toBe(expected);
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: id, action: 'dossier.submitted' });
    expect(audit.after).toMatchObject({ declaration: submission.declaration, reference: submission.reference });
    const again = await user.agent.get(`/api/v1/dossiers/${id}/receipt`).expect(200);
    expect(again.body.declaration).toBe(expected);

    // A retry with the same key answers the same receipt; a refused retry (no declaration) changes nothing.
    const retry = await user.agent
      .post(`/api/v1/dossiers/${id}/submit`)
      .set(IDEMPOTENCY_HEADER, 'declared-once')
      .send({ declaration: true })
      .expect(200);
    expect(retry.body).toEqual(receipt.body);
    await refused(user, id, {});
    expect(await api.dataSource.getRepository(DossierSubmissionEntity).count({ where: { dossierId: id } })).toBe(1);
  });

  it('is stored in the language of the page (English here)', async () => {
    const user = await applicantWithOrganisation(api, { legalName: 'Repair Café Leuven vzw' });
    const call = await createCall(api);
    const { id } = await completeDossier(api, user, call.id);
    const receipt = await user.agent
      .post(`/api/v1/dossiers/${id}/submit`)
      .set('Accept-Language', 'en')
      .send({ declaration: true })
      .expect(200);
    expect(receipt.body.declaration).toBe(declarationText('en', 'Repair Café Leuven vzw'));
    expect(receipt.body.declaration).toMatch(/^I declare on my honour/);
  });

  it('applies to a Plan Samenleven subscription too', async () => {
    const call = await createCatalogueCall(api);
    const user = await localGovernment(api, 'Stad Gent');
    const { id, version } = await startSubscription(user, call.id);
    await user.agent
      .put(`/api/v1/dossiers/${id}/subscription`)
      .set('If-Match', String(version))
      .send(THREE_ACTIONS)
      .expect(200);

    await refused(user, id, {});
    await expectNothingSubmitted(id);

    const receipt = await user.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    const name = (
      await api.dataSource.query<Array<{ legal_name: string }>>('SELECT legal_name FROM applicants WHERE id = $1', [
        user.applicantId,
      ])
    )[0].legal_name;
    expect(receipt.body.declaration).toBe(declarationText('nl', name));
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: id, action: 'dossier.submitted' });
    expect(audit.after).toMatchObject({ declaration: receipt.body.declaration });
  });
});
