import { AuditEventEntity, DossierEntity, NotificationEntity } from '@portal/server';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import { applicantWithOrganisation, closeCallOnTime, completeDossier, createCall } from '../support/factories';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';
import { binary } from '../support/http';
import { pdfText } from '../support/pdf-text';

const CRITERIA = referenceCall().criteria;
/** The first organisation's name holds Latin Extended, Greek and Cyrillic: the letter must render all of it. */
const UNICODE_NAME = 'vzw Łódź – Ελληνική Κοινότητα – Общество «Мост»';

describe('after the decision: the applicant reads it, an awarded applicant declines, the reserve list moves up', () => {
  let api: TestApi;
  let admin: Session;
  let minister: Session;
  let callId: string;
  // D0..D4 sufficient (scores falling), D5 insufficient, D6 inadmissible.
  const amounts = [70_000, 70_000, 70_000, 50_000, 40_000, 30_000, 30_000];
  const levels = [5, 4.5, 4, 3.5, 3, 2, 4];
  const dossiers: Array<{ id: string; owner: Session & { applicantId: string } }> = [];

  beforeAll(async () => {
    api = await startApi();
    admin = await session(api, DEMO.admin);
    minister = await session(api, DEMO.minister);
    const call = await createCall(api, {
      overrides: { criteria: CRITERIA, budgetCents: 20_000_000, maxRequestedCents: 10_000_000 },
    });
    callId = call.id;
    for (const euros of amounts) {
      const owner = await applicantWithOrganisation(api, dossiers.length === 0 ? { legalName: UNICODE_NAME } : {});
      const { id, version } = await completeDossier(api, owner, callId);
      await owner.agent
        .patch(`/api/v1/dossiers/${id}`)
        .set('If-Match', String(version))
        .send({ requestedCents: euros * 100 })
        .expect(200);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      dossiers.push({ id, owner });
    }
    await closeCallOnTime(api, callId);
    for (const [i, dossier] of dossiers.entries()) {
      const inadmissible = i === 6;
      await admin.agent
        .post(`/api/v1/dossiers/${dossier.id}/admissibility`)
        .send({
          decision: inadmissible ? 'inadmissible' : 'admissible',
          motivation: inadmissible ? 'De begroting ontbreekt in de gevraagde vorm.' : 'In orde.',
        })
        .expect(200);
      if (inadmissible) continue;
      await admin.agent
        .put(`/api/v1/dossiers/${dossier.id}/consensus`)
        .send({
          scores: CRITERIA.map((c) => ({
            criterionCode: c.code,
            score: levels[i],
            motivation: 'Consensus na de vergadering van de beoordelaars.',
          })),
        })
        .expect(204);
    }
  });

  afterAll(async () => {
    await api.close();
  });

  it('shows nothing of the assessment before the decision, and no letter', async () => {
    const { owner, id } = dossiers[0];
    const before = await owner.agent.get(`/api/v1/dossiers/${id}/decision`).expect(200);
    expect(before.body).toMatchObject({ outcome: 'pending', scores: [], rank: null, total: null, grantedCents: 0 });
    const letter = await owner.agent.get(`/api/v1/dossiers/${id}/decision/letter`).expect(409);
    expect(letter.body.code).toBe('DECISION_PENDING');
    // Another organisation does not even learn that the dossier exists.
    await dossiers[1].owner.agent.get(`/api/v1/dossiers/${id}/decision`).expect(404);
    await dossiers[1].owner.agent.get(`/api/v1/dossiers/${id}/decision/letter`).expect(404);
  });

  it('after the approval each applicant reads the outcome, the scores and a Dutch letter (PDF)', async () => {
    // Budget EUR 200,000, skip rule: D0 70k + D1 70k; D2 70k does not fit (reserve 1); D3 50k fits; D4 40k reserve 2.
    const proposal = await admin.agent
      .post(`/api/v1/calls/${callId}/proposal`)
      .send({ marginRule: 'skip' })
      .expect(201);
    expect(proposal.body.grantedCents).toBe(19_000_000);
    await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(200);
    await minister.agent
      .post(`/api/v1/calls/${callId}/proposal/approve`)
      .send({ decisionDate: '2026-11-30', decisionReference: 'MB-2026-CJM-1130' })
      .expect(200);

    const overview = await minister.agent.get('/api/v1/proposals').expect(200);
    expect(overview.body).toContainEqual(
      expect.objectContaining({
        callId,
        kind: 'project',
        status: 'approved',
        selectedCount: 3,
        grantedCents: 19_000_000,
      }),
    );
    const awarded = await dossiers[0].owner.agent.get(`/api/v1/dossiers/${dossiers[0].id}/decision`).expect(200);
    expect(awarded.body).toMatchObject({
      outcome: 'awarded',
      grantedCents: 7_000_000,
      reason: 'within-budget',
      decisionDate: '2026-11-30',
      decisionReference: 'MB-2026-CJM-1130',
      rank: 1,
      canDecline: true,
      letterAvailable: true,
    });
    expect(awarded.body.scores).toHaveLength(CRITERIA.length);
    expect(awarded.body.scores[0]).toMatchObject({ criterionCode: CRITERIA[0].code, score: 5 });

    const reserve = await dossiers[2].owner.agent.get(`/api/v1/dossiers/${dossiers[2].id}/decision`).expect(200);
    expect(reserve.body).toMatchObject({ outcome: 'reserve', reservePosition: 1, canDecline: false });
    const rejected = await dossiers[5].owner.agent.get(`/api/v1/dossiers/${dossiers[5].id}/decision`).expect(200);
    expect(rejected.body).toMatchObject({ outcome: 'rejected', reason: 'insufficient', grantedCents: 0 });
    const inadmissible = await dossiers[6].owner.agent.get(`/api/v1/dossiers/${dossiers[6].id}/decision`).expect(200);
    expect(inadmissible.body).toMatchObject({
      outcome: 'inadmissible',
      motivation: 'De begroting ontbreekt in de gevraagde vorm.',
    });

    const letter = await binary(
      dossiers[0].owner.agent.get(`/api/v1/dossiers/${dossiers[0].id}/decision/letter`),
    ).expect(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['content-disposition']).toMatch(/attachment; filename="beslissing-.+\.pdf"/);
    const pdf = letter.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(UNICODE_NAME);
    expect(text).not.toContain('\uFFFD');
    // A letter an administration signs: sender, addressee by name, Dutch date, references, decision, duties, signature.
    expect(text).toContain('Vlaamse overheid Departement Cultuur, Jeugd en Media');
    expect(text).toContain(`Uw dossiernummer: ${awarded.body.reference}`);
    expect(text).toContain('Ons kenmerk: MB-2026-CJM-1130');
    expect(text).toContain('t.a.v. Test Persoon');
    expect(text).toContain('Geachte Test Persoon,');
    expect(text).toMatch(
      /Datum: \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    );
    expect(text).toContain('Bij ministerieel besluit van 30 november 2026 (MB-2026-CJM-1130) kende de minister');
    expect(text).toContain('subsidie toe van € 70.000,00');
    expect(text).toContain('Voorwaarden, uitbetaling en rapportering');
    expect(text).toContain('in opdracht van de minister');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const letterOf = async (index: number) =>
      pdfText(
        (
          await binary(
            dossiers[index].owner.agent.get(`/api/v1/dossiers/${dossiers[index].id}/decision/letter`),
          ).expect(200)
        ).body as Buffer,
      ).replace(/\s+/g, ' ');
    const refused = await letterOf(6);
    expect(refused).toContain('niet ontvankelijk');
    expect(refused).toContain('De begroting ontbreekt in de gevraagde vorm.');
    expect(refused).toContain('Beroepsmogelijkheden');
    const rejection = await letterOf(5);
    expect(rejection).toContain('besliste de minister uw project');
    expect(rejection).toContain('Motivering');
    expect(rejection).toContain('Beroepsmogelijkheden');
    expect(rejection).toContain('binnen zestig dagen na de kennisgeving');
    const reserveLetter = await letterOf(2);
    expect(reserveLetter).toContain('plaatste het op plaats 1 van de reservelijst');
    expect(reserveLetter).toContain('Beroepsmogelijkheden');
    expect(reserveLetter).toContain(`Uw dossiernummer: ${reserve.body.reference}`);
  });

  it('moves the reserve list up when an awarded applicant declines, and the minister confirms within the budget', async () => {
    const [d0, d1, d2, , d4] = dossiers;
    // Nothing is free yet: the first reserve dossier does not fit.
    const early = await admin.agent
      .post(`/api/v1/calls/${callId}/reserve-promotions`)
      .send({ dossierId: d2.id, motivation: 'Test.' })
      .expect(409);
    expect(early.body.code).toBe('RESERVE_DOES_NOT_FIT');

    const notAwarded = await d2.owner.agent
      .post(`/api/v1/dossiers/${d2.id}/decline`)
      .send({ motivation: 'Wij zien af.' })
      .expect(409);
    expect(notAwarded.body.code).toBe('NOT_AWARDED');
    const declined = await d1.owner.agent
      .post(`/api/v1/dossiers/${d1.id}/decline`)
      .send({ motivation: 'De partnerorganisatie haakte af; het project kan niet doorgaan.' })
      .expect(200);
    expect(declined.body).toMatchObject({ outcome: 'declined', canDecline: false });

    const view = await minister.agent.get(`/api/v1/calls/${callId}/reserve`).expect(200);
    expect(view.body).toMatchObject({ awardedCents: 12_000_000, remainingCents: 8_000_000, nextDossierId: d2.id });
    expect(view.body.declined).toEqual([expect.objectContaining({ dossierId: d1.id, freedCents: 7_000_000 })]);

    const notNext = await admin.agent
      .post(`/api/v1/calls/${callId}/reserve-promotions`)
      .send({ dossierId: d4.id, motivation: 'Kleiner bedrag.' })
      .expect(409);
    expect(notNext.body.code).toBe('RESERVE_NOT_NEXT');
    const proposed = await admin.agent
      .post(`/api/v1/calls/${callId}/reserve-promotions`)
      .send({ dossierId: d2.id, motivation: `${dossiers[1].id} zag af; eerstvolgende op de reservelijst.` })
      .expect(200);
    const promotion = proposed.body.promotions[0];
    expect(promotion).toMatchObject({ dossierId: d2.id, status: 'proposed', grantedCents: 7_000_000 });
    const second = await admin.agent
      .post(`/api/v1/calls/${callId}/reserve-promotions`)
      .send({ dossierId: d4.id, motivation: 'Nog een.' })
      .expect(409);
    expect(second.body.code).toBe('PROMOTION_STATE');

    // Two confirmations at the same moment: one decision.
    const confirmations = await Promise.all(
      [0, 1].map(() =>
        minister.agent
          .post(`/api/v1/reserve-promotions/${promotion.id}/confirm`)
          .send({ decisionDate: '2026-12-14', decisionReference: 'MB-2026-CJM-1214' }),
      ),
    );
    expect(confirmations.map((r) => r.status).sort()).toEqual([200, 409]);

    const rows = await api.dataSource.getRepository(DossierEntity).findBy({ callId });
    const awardedRows = rows.filter((d) => d.status === 'awarded');
    expect(awardedRows.map((d) => d.id).sort()).toEqual([d0.id, d2.id, dossiers[3].id].sort());
    expect(awardedRows.reduce((sum, d) => sum + (d.grantedCents ?? 0), 0)).toBe(19_000_000);

    const promoted = await d2.owner.agent.get(`/api/v1/dossiers/${d2.id}/decision`).expect(200);
    expect(promoted.body).toMatchObject({
      outcome: 'awarded',
      grantedCents: 7_000_000,
      reason: 'reserve-promoted',
      decisionReference: 'MB-2026-CJM-1214',
    });
    const mails = await api.dataSource
      .getRepository(NotificationEntity)
      .findBy({ template: 'dossier.decision', subjectRef: promoted.body.reference });
    const mail = mails.find((m) => m.payload.reason === 'reserve-promoted')!;
    expect(mail.payload).toMatchObject({ outcome: 'selected', grantedEuro: expect.stringMatching(/^€\s70\.000,00$/) });

    const after = await admin.agent.get(`/api/v1/calls/${callId}/reserve`).expect(200);
    expect(after.body).toMatchObject({ remainingCents: 1_000_000, nextDossierId: null });
    const actions = (await api.dataSource.getRepository(AuditEventEntity).findBy({ entityId: callId })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['reserve.proposed', 'reserve.confirmed']));
    expect(
      await api.dataSource.getRepository(AuditEventEntity).countBy({ entityId: d1.id, action: 'dossier.declined' }),
    ).toBe(1);
  });

  it('lets the minister refuse a promotion with remarks', async () => {
    await dossiers[0].owner.agent
      .post(`/api/v1/dossiers/${dossiers[0].id}/decline`)
      .send({ motivation: 'Wij kunnen de eigen inbreng niet dragen.' })
      .expect(200);
    const proposed = await admin.agent
      .post(`/api/v1/calls/${callId}/reserve-promotions`)
      .send({ dossierId: dossiers[4].id, motivation: 'Eerstvolgende die past.' })
      .expect(200);
    const open = proposed.body.promotions.find((p: { status: string }) => p.status === 'proposed');
    const refused = await minister.agent
      .post(`/api/v1/reserve-promotions/${open.id}/refuse`)
      .send({ remarks: 'Eerst de regionale spreiding bekijken.' })
      .expect(200);
    expect(refused.body.promotions.find((p: { id: string }) => p.id === open.id)).toMatchObject({
      status: 'refused',
      remarks: 'Eerst de regionale spreiding bekijken.',
    });
    const dossier = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id: dossiers[4].id });
    expect(dossier.status).toBe('submitted');
  });
});
