import { IDEMPOTENCY_HEADER, type DossierView, type SubscriptionView } from '@portal/contracts';
import { DossierEntity, DossierSubmissionEntity } from '@portal/server';
import { randomUUID } from 'node:crypto';
import { applicantWithOrganisation, createCall } from '../support/factories';
import { createCatalogueCall, localGovernment, startSubscription } from '../support/catalogue';
import { startApi, type TestApi } from '../support/test-app';

type Issue = { field: string; code: string; message: { nl: string; en: string } };
type Errors = Array<{ field: string; code: string; message: string }>;

const fieldsOf = (issues: ReadonlyArray<{ field: string; code: string }>) =>
  issues.map((issue) => `${issue.field}:${issue.code}`).sort();

/**
 * Drafts always save (issue #16, ADR 0018): validation is for submitting. A draft that breaks the call's rules is
 * stored and answered with the issues that would stop its submission; what can never be stored is still refused.
 */
describe('drafts always save', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  describe('a subscription (catalogue call)', () => {
    const draft = {
      lines: [
        // 38 is the row's maximum: 39 breaks the rule, and the own contribution below is too low for the other line.
        { rowCode: 'O4.A1.R2', currentReach: 3, plannedExtraReach: 39 },
        { rowCode: 'O4.A1.R1', currentReach: 40, plannedExtraReach: 100 },
      ],
      priorities: { 'O4.A1': 1 },
      ownContributionCents: 100_000,
    };

    it('stores an invalid own contribution and a reach above the maximum, reads them back, and the submit names them', async () => {
      const call = await createCatalogueCall(api);
      const user = await localGovernment(api);
      const { id, version } = await startSubscription(user, call.id);
      const put = (v: number, body: object) =>
        user.agent.put(`/api/v1/dossiers/${id}/subscription`).set('If-Match', String(v)).send(body);

      const saved = (await put(version, draft).expect(200)).body as SubscriptionView;
      expect(saved).toMatchObject({ version: version + 1, lines: draft.lines, priorities: draft.priorities });
      expect(saved.ownContributionCents).toBe(100_000);
      expect(fieldsOf(saved.issues)).toEqual([
        'lines.0.plannedExtraReach:ABOVE_MAX_UNITS',
        'ownContributionCents:OWN_CONTRIBUTION_TOO_LOW',
      ]);
      const tooLow = (saved.issues as Issue[]).find((issue) => issue.code === 'OWN_CONTRIBUTION_TOO_LOW')!;
      expect(tooLow.message.nl).toMatch(/eigen inbreng moet minstens/);
      expect(tooLow.message.en).toMatch(/own contribution must be at least/);

      const read = (await user.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(200)).body as SubscriptionView;
      expect(read).toEqual(saved);
      const dossier = (await user.agent.get(`/api/v1/dossiers/${id}`).expect(200)).body as DossierView;
      expect(fieldsOf(dossier.issues)).toEqual(fieldsOf(saved.issues));

      const refused = await user.agent
        .post(`/api/v1/dossiers/${id}/submit`)
        .send({ declaration: true })
        .set(IDEMPOTENCY_HEADER, randomUUID())
        .expect(400);
      expect(refused.body.code).toBe('SUBSCRIPTION_INVALID');
      expect(fieldsOf(refused.body.errors as Errors)).toEqual(fieldsOf(saved.issues));
      expect(await api.dataSource.getRepository(DossierSubmissionEntity).count({ where: { dossierId: id } })).toBe(0);

      // Hostile text and unknown codes can never be stored: 400 naming the field, and nothing changes.
      const hostile = await put(saved.version, {
        ...draft,
        lines: [{ rowCode: 'O4.A1.R1\u0000', currentReach: 0, plannedExtraReach: 1 }],
      }).expect(400);
      expect((hostile.body.errors as Errors).map((e) => e.field)).toEqual(['lines.0.rowCode']);
      const negative = await put(saved.version, { ...draft, ownContributionCents: -1 }).expect(400);
      expect((negative.body.errors as Errors).map((e) => e.field)).toEqual(['ownContributionCents']);
      const unknown = await put(saved.version, { ...draft, priorities: { 'O9.A9': 2 } }).expect(400);
      expect(fieldsOf(unknown.body.errors as Errors)).toContain('priorities.O9.A9:UNKNOWN_ACTION');
      const after = (await user.agent.get(`/api/v1/dossiers/${id}/subscription`).expect(200)).body as SubscriptionView;
      expect(after).toEqual(saved);
    });
  });

  describe('a project dossier', () => {
    it('stores an amount above the maximum and a missing required answer, reads them back, and the submit names them', async () => {
      const user = await applicantWithOrganisation(api);
      const call = await createCall(api, { overrides: { policyDomains: [] } });
      const started = await user.agent
        .post(`/api/v1/calls/${call.id}/dossiers`)
        .send({ applicantId: user.applicantId })
        .expect(201);
      const id = started.body.id as string;
      const patch = (version: number, body: object) =>
        user.agent.patch(`/api/v1/dossiers/${id}`).set('If-Match', String(version)).send(body);
      const body = {
        title: 'Zomer in de buurt',
        summary: 'Buurtactiviteiten.',
        answers: { REACH: 250_000, DOMAIN: 'Jeugd' },
        projectStart: '2026-01-01',
        budgetLines: [{ description: 'Begeleiding', amountCents: 30_000_000 }],
        requestedCents: 12_000_000,
      };

      const saved = (await patch(started.body.version, body).expect(200)).body as DossierView;
      expect(saved).toMatchObject({ ...body, version: started.body.version + 1 });
      const issues = fieldsOf(saved.issues);
      expect(issues).toEqual(
        expect.arrayContaining([
          'requestedCents:AMOUNT_ABOVE_CAP',
          'answers.REACH:outOfRange',
          'answers.TARGET_GROUP:required',
          'projectStart:PERIOD_OUTSIDE_CALL',
          'projectEnd:required',
          'attachments.BEGROTING:required',
        ]),
      );
      const cap = (saved.issues as Issue[]).find((issue) => issue.code === 'AMOUNT_ABOVE_CAP')!;
      expect(cap.message).toEqual({
        nl: 'Het gevraagde bedrag is hoger dan het maximum van €\u00a0100.000,00.',
        en: 'The requested amount is above the maximum of €100,000.00.',
      });

      const read = (await user.agent.get(`/api/v1/dossiers/${id}`).expect(200)).body as DossierView;
      expect(read).toEqual(saved);

      const refused = await user.agent
        .post(`/api/v1/dossiers/${id}/submit`)
        .send({ declaration: true })
        .set(IDEMPOTENCY_HEADER, randomUUID())
        .expect(422);
      expect(refused.body.code).toBe('DOSSIER_INCOMPLETE');
      expect(fieldsOf(refused.body.errors as Errors)).toEqual(issues);

      // What can never be stored is still refused, naming the field, and nothing changes.
      const hostile = await patch(saved.version, { title: 'Zomer\u202ein de buurt' }).expect(400);
      expect((hostile.body.errors as Errors).map((e) => e.field)).toEqual(['title']);
      const option = await patch(saved.version, { answers: { DOMAIN: 'Ruimtevaart' } }).expect(400);
      expect(fieldsOf(option.body.errors as Errors)).toEqual(['answers.DOMAIN:unknownOption']);
      const wrongType = await patch(saved.version, { answers: { REACH: 'veel' } }).expect(400);
      expect(fieldsOf(wrongType.body.errors as Errors)).toEqual(['answers.REACH:notNumber']);
      const negative = await patch(saved.version, { requestedCents: -5 }).expect(400);
      expect((negative.body.errors as Errors).map((e) => e.field)).toEqual(['requestedCents']);
      const unchanged = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id });
      expect(unchanged).toMatchObject({ version: saved.version, title: body.title, requestedCents: 12_000_000 });
    });
  });
});
