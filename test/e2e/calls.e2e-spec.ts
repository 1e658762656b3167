import { type CallInput } from '@portal/contracts';
import { AuditEventEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { applicantWithOrganisation, completeDossier, createCall } from '../support/factories';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';

function callInput(overrides: Partial<CallInput> = {}): CallInput {
  return {
    code: `GV-${randomBytes(3).toString('hex').toUpperCase()}`,
    title: 'Gedeeld en betrokken ouderschap',
    description: 'Projectsubsidies voor organisaties.',
    applicantKinds: ['organisation'],
    policyDomains: ['Welzijn'],
    opensAt: '2026-01-05T09:00',
    closesAt: '2026-10-25T23:59:59',
    maxRequestedCents: 5_000_000,
    budgetCents: 25_000_000,
    projectStart: '2027-01-01',
    projectEnd: '2028-12-31',
    oneDossierPerApplicant: true,
    attachments: [{ code: 'BEGROTING', label: 'Begroting', required: true }],
    questions: [{ code: 'DOEL', label: 'Doel', type: 'longText', required: true, maxLength: 1000 }],
    criteria: [{ code: 'RELEVANTIE', label: 'Relevantie', scaleMin: 0, scaleMax: 5, weight: 2, threshold: 2.5 }],
    tieBreak: ['criteria-in-order', 'earlier-submission'],
    ...overrides,
  };
}

describe('calls as data (administration) and public call pages', () => {
  let api: TestApi;
  let admin: Session;

  beforeAll(async () => {
    api = await startApi();
    admin = await session(api, DEMO.admin);
  });

  afterAll(async () => {
    await api.close();
  });

  it('an admin creates a call in Brussels time, the deadline survives the end of summer time, and publishing makes it public', async () => {
    const created = await admin.agent.post('/api/v1/calls').send(callInput()).expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      closesAt: '2026-10-25T22:59:59.000Z',
      opensAt: '2026-01-05T08:00:00.000Z',
    });

    const anonymous = await session(api);
    await anonymous.agent.get(`/api/v1/calls/${created.body.id}`).expect(404);
    expect(
      (await anonymous.agent.get('/api/v1/calls').expect(200)).body.map((c: { id: string }) => c.id),
    ).not.toContain(created.body.id);

    const published = await admin.agent.post(`/api/v1/calls/${created.body.id}/publish`).expect(200);
    expect(published.body.status).toBe('published');
    const page = await anonymous.agent.get(`/api/v1/calls/${created.body.id}`).expect(200);
    expect(page.body).toMatchObject({
      title: 'Gedeeld en betrokken ouderschap',
      maxRequestedCents: 5_000_000,
      isOpen: false,
    });
    expect(page.body.serverTime).toEqual(expect.any(String));

    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { entityType: 'call', entityId: created.body.id }, order: { occurredAt: 'ASC' } });
    expect(audit.map((event) => event.action)).toEqual(['call.created', 'call.published']);
  });

  it('lists the seeded reference call with its real 2020 figures to anyone', async () => {
    const response = await api.http.get('/api/v1/calls').expect(200);
    const reference = response.body.find((call: { code: string }) => call.code === 'GV-CONNECT-2020');
    expect(reference).toMatchObject({
      title: 'Connecteren van kwetsbare kinderen en jongeren met de buurt en de buitenwereld',
      maxRequestedCents: 10_000_000,
      budgetCents: 212_500_000,
      closesAt: '2020-05-22T21:59:59.000Z',
      isOpen: false,
    });
    const demo = response.body.find((call: { code: string }) => call.code === 'GV-CONNECT-DEMO');
    expect(demo.isOpen).toBe(true);
  });

  it('refuses an invalid call with the offending fields', async () => {
    const response = await admin.agent
      .post('/api/v1/calls')
      .send(callInput({ closesAt: '2026-01-01T00:00', maxRequestedCents: 30_000_000 }))
      .expect(422);
    expect(response.body.code).toBe('CALL_INVALID');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['closesAt', 'maxRequestedCents']);
    const badMoment = await admin.agent
      .post('/api/v1/calls')
      .send(callInput({ closesAt: '2026-03-29T02:30' }))
      .expect(400);
    expect(badMoment.body.errors[0].field).toBe('closesAt');
    const fractional = await admin.agent
      .post('/api/v1/calls')
      .send(callInput({ budgetCents: 10.5 }))
      .expect(400);
    expect(fractional.body.errors[0].field).toBe('budgetCents');
  });

  it('refuses changes that hurt applicants once a dossier exists, allows helpful ones, and detects stale edits', async () => {
    const created = await admin.agent
      .post('/api/v1/calls')
      .send(callInput({ opensAt: '2026-01-01T00:00', closesAt: '2030-12-31T23:59', policyDomains: ['Jeugd'] }))
      .expect(201);
    const published = await admin.agent.post(`/api/v1/calls/${created.body.id}/publish`).expect(200);
    const applicant = await applicantWithOrganisation(api);
    await applicant.agent
      .post(`/api/v1/calls/${created.body.id}/dossiers`)
      .send({ applicantId: applicant.applicantId })
      .expect(201);

    const hurt = await admin.agent
      .patch(`/api/v1/calls/${created.body.id}`)
      .set('If-Match', String(published.body.version))
      .send({ closesAt: '2030-12-30T23:59', maxRequestedCents: 4_000_000 })
      .expect(409);
    expect(hurt.body.code).toBe('CALL_CHANGE_HURTS_APPLICANTS');
    expect(hurt.body.errors.map((e: { field: string }) => e.field)).toEqual(['closesAt', 'maxRequestedCents']);

    const helped = await admin.agent
      .patch(`/api/v1/calls/${created.body.id}`)
      .set('If-Match', String(published.body.version))
      .send({ closesAt: '2031-01-15T23:59', maxRequestedCents: 6_000_000 })
      .expect(200);
    expect(helped.body.version).toBe(published.body.version + 1);

    const stale = await admin.agent
      .patch(`/api/v1/calls/${created.body.id}`)
      .set('If-Match', String(published.body.version))
      .send({ title: 'Andere titel' })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const changes = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneOrFail({ where: { entityId: created.body.id, action: 'call.changed' } });
    expect(changes.before).toMatchObject({ maxRequestedCents: 5_000_000 });
    expect(changes.after).toMatchObject({ maxRequestedCents: 6_000_000 });
  });

  it('a call says what it is about: its information is saved cleaned, shown publicly, checked field by field', async () => {
    const created = await admin.agent
      .post('/api/v1/calls')
      .send(
        callInput({
          information: {
            objectives: '  Ouders ondersteunen.  ',
            targetGroup: '',
            contactName: 'Team subsidies',
            contactEmail: 'subsidies@example.org',
            regulationUrl: 'https://example.org/besluit',
          },
        }),
      )
      .expect(201);
    // Empty texts are dropped, the rest trimmed.
    expect(created.body.information).toEqual({
      objectives: 'Ouders ondersteunen.',
      contactName: 'Team subsidies',
      contactEmail: 'subsidies@example.org',
      regulationUrl: 'https://example.org/besluit',
    });
    await admin.agent.post(`/api/v1/calls/${created.body.id}/publish`).expect(200);
    const anonymous = await session(api);
    const page = await anonymous.agent.get(`/api/v1/calls/${created.body.id}`).expect(200);
    expect(page.body.information.objectives).toBe('Ouders ondersteunen.');

    const bad = await admin.agent
      .patch(`/api/v1/calls/${created.body.id}`)
      .set('If-Match', String(page.body.version))
      .send({ information: { regulationUrl: 'http://example.org/besluit', contactEmail: 'geen-adres' } })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'information.contactEmail',
      'information.regulationUrl',
    ]);
    const cleared = await admin.agent
      .patch(`/api/v1/calls/${created.body.id}`)
      .set('If-Match', String(page.body.version))
      .send({ information: { objectives: 'Nieuw doel.' } })
      .expect(200);
    expect(cleared.body.information).toEqual({ objectives: 'Nieuw doel.' });
  });

  it("the admin's call list counts each call's dossiers; the public list does not", async () => {
    const call = await createCall(api);
    const owner = await applicantWithOrganisation(api);
    await completeDossier(api, owner, call.id);
    const created = { body: call };
    const listed = (await admin.agent.get('/api/v1/calls?include=drafts').expect(200)).body as Array<{
      id: string;
      dossierCount?: number;
    }>;
    expect(listed.find((c) => c.id === created.body.id)?.dossierCount).toBe(1);
    expect(listed.every((c) => typeof c.dossierCount === 'number')).toBe(true);
    const publicList = (await (await session(api)).agent.get('/api/v1/calls').expect(200)).body as Array<object>;
    expect(publicList.some((c) => 'dossierCount' in c)).toBe(false);
  });

  it('only admins manage calls', async () => {
    const applicant = await session(api, DEMO.applicant);
    const response = await applicant.agent.post('/api/v1/calls').send(callInput()).expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
    await applicant.agent.get('/api/v1/calls?include=drafts').expect(403);
  });
});
