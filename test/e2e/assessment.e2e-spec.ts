import { DossierEntity, NotificationEntity, SelectionProposalEntity } from '@portal/server';
import ExcelJS from 'exceljs';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import {
  applicantWithOrganisation,
  closeCallOnTime,
  COMPLETE_DRAFT,
  completeDossier,
  createCall,
  createUser,
  withTriggersOff,
} from '../support/factories';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';
import { binary, readBuffer } from '../support/http';
import { stateNoConflict } from '../support/lifecycle';

const CRITERIA = referenceCall().criteria; // TARGET w3 thr3, CONNECT w3 thr3, FEASIBLE w2 thr2.5, PARTNERS w1 thr0, BUDGET w1 thr2

function scoresFor(level: number) {
  return CRITERIA.map((c) => ({
    criterionCode: c.code,
    score: level,
    comment: level < c.threshold ? 'Onder de drempel: te weinig uitgewerkt.' : null,
  }));
}

describe('assessment and decision: admissibility, reviewers, scoring, ranking, selection, approval', () => {
  let api: TestApi;
  let admin: Session;
  let minister: Session;
  const reviewers: Session[] = [];
  let callId: string;
  const dossiers: Array<{ id: string; owner: Session }> = [];

  beforeAll(async () => {
    api = await startApi();
    admin = await session(api, DEMO.admin);
    minister = await session(api, DEMO.minister);
    const call = await createCall(api, {
      overrides: { criteria: CRITERIA, budgetCents: 20_000_000, maxRequestedCents: 10_000_000 },
    });
    callId = call.id;
    for (let i = 0; i < 6; i++) {
      const owner = await applicantWithOrganisation(api);
      const { id } = await completeDossier(api, owner, callId);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      dossiers.push({ id, owner });
    }
    for (let i = 0; i < 3; i++) reviewers.push(await session(api, await createUser(api, ['reviewer'])));
  });

  afterAll(async () => {
    await api.close();
  });

  it('waits for the deadline, then checks admissibility automatically and records the motivated decision', async () => {
    const early = await admin.agent.get(`/api/v1/calls/${callId}/admissibility`).expect(409);
    expect(early.body.code).toBe('CALL_STILL_OPEN');
    await closeCallOnTime(api, callId);

    const list = await admin.agent.get(`/api/v1/calls/${callId}/admissibility`).expect(200);
    expect(list.body).toHaveLength(6);
    expect(
      list.body.every((row: { checks: Array<{ passed: boolean }> }) => row.checks.every((check) => check.passed)),
    ).toBe(true);

    for (const [index, dossier] of dossiers.entries()) {
      const decision = index === 5 ? 'inadmissible' : 'admissible';
      await admin.agent
        .post(`/api/v1/dossiers/${dossier.id}/admissibility`)
        .send({
          decision,
          motivation:
            decision === 'admissible'
              ? 'Voldoet aan alle voorwaarden.'
              : 'De activiteiten vallen buiten de projectperiode.',
        })
        .expect(200);
    }
    const inadmissible = await dossiers[5].owner.agent.get(`/api/v1/dossiers/${dossiers[5].id}`).expect(200);
    expect(inadmissible.body.status).toBe('inadmissible');
    const told = await api.dataSource
      .getRepository(NotificationEntity)
      .findOneByOrFail({ template: 'dossier.admissibility', subjectRef: inadmissible.body.reference });
    expect(told.payload).toMatchObject({
      decision: 'inadmissible',
      motivation: 'De activiteiten vallen buiten de projectperiode.',
    });
  });

  it('assigns two reviewers per admissible dossier with the load spread evenly; a conflict of interest gets a replacement', async () => {
    const assigned = await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: 2 }).expect(200);
    expect(assigned.body).toHaveLength(10);
    const load = new Map<string, number>();
    for (const a of assigned.body) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect(assigned.body.some((a: { dossierId: string }) => a.dossierId === dossiers[5].id)).toBe(false);
    expect(await api.dataSource.getRepository(NotificationEntity).countBy({ template: 'review.assigned' })).toBe(10);

    const first = reviewers[0];
    const mine = await first.agent.get('/api/v1/assignments/mine').expect(200);
    const others = assigned.body.filter(
      (a: { reviewerId: string }) => !mine.body.some((m: { reviewerId: string }) => m.reviewerId === a.reviewerId),
    );
    await first.agent.get(`/api/v1/assignments/${others[0].id}`).expect(404);

    const conflicted = mine.body[0];
    await first.agent
      .post(`/api/v1/assignments/${conflicted.id}/conflict`)
      .send({ reason: 'Ik zetel in de raad van bestuur.' })
      .expect(200);
    const after = await admin.agent.get(`/api/v1/calls/${callId}/assignments`).expect(200);
    const onDossier = after.body.filter(
      (a: { dossierId: string; status: string }) => a.dossierId === conflicted.dossierId && a.status !== 'conflict',
    );
    expect(onDossier).toHaveLength(2);
    expect(onDossier.map((a: { reviewerId: string }) => a.reviewerId)).not.toContain(conflicted.reviewerId);
  });

  it('lets a reviewer download the attachments of the submitted version they assess, and nobody else', async () => {
    const reviewer = reviewers[2];
    const [assignment] = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body.filter(
      (a: { status: string }) => a.status === 'assigned',
    );
    const view = await reviewer.agent.get(`/api/v1/assignments/${assignment.id}`).expect(200);
    const [file] = view.body.content.attachments as Array<{ id: string; filename: string }>;
    const download = await binary(
      reviewer.agent.get(`/api/v1/assignments/${assignment.id}/attachments/${file.id}`),
    ).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('filename="begroting.pdf"');
    expect((download.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // Another reviewer's assignment, the dossier route, and a conflicted assignment: not found.
    const other = reviewers.find((r) => r !== reviewer)!;
    await other.agent.get(`/api/v1/assignments/${assignment.id}/attachments/${file.id}`).expect(404);
    const conflicted = (await reviewers[0].agent.get('/api/v1/assignments/mine').expect(200)).body.find(
      (a: { status: string }) => a.status === 'conflict',
    );
    const [{ id: conflictedFile }] = await api.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM attachments WHERE dossier_id = $1',
      [conflicted.dossierId],
    );
    await reviewers[0].agent.get(`/api/v1/assignments/${conflicted.id}/attachments/${conflictedFile}`).expect(404);
    await reviewer.agent.get(`/api/v1/dossiers/${assignment.dossierId}/attachments/${file.id}`).expect(403);

    // The organisation and the administration read it too; another organisation does not.
    const owner = dossiers.find((d) => d.id === assignment.dossierId)!.owner;
    const own = await binary(owner.agent.get(`/api/v1/dossiers/${assignment.dossierId}/attachments/${file.id}`));
    expect(own.status).toBe(200);
    expect(Buffer.compare(own.body as Buffer, download.body as Buffer)).toBe(0);
    await admin.agent.get(`/api/v1/dossiers/${assignment.dossierId}/attachments/${file.id}`).expect(200);
    const stranger = dossiers.find((d) => d.owner !== owner)!.owner;
    await stranger.agent.get(`/api/v1/dossiers/${assignment.dossierId}/attachments/${file.id}`).expect(404);
  });

  it('scores on the scale in half points, with a comment below a threshold; reviewers do not see each other', async () => {
    const reviewer = reviewers[1];
    const [assignment] = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body;
    const view = await reviewer.agent.get(`/api/v1/assignments/${assignment.id}`).expect(200);
    expect(view.body.content.title).toBe(COMPLETE_DRAFT.title);
    expect(view.body).not.toHaveProperty('otherScores');
    // Before any score, the reviewer sees who applies and states having no conflict of interest (ADR 0013).
    expect(view.body.applicant.legalName).toBeTruthy();
    const unstated = await reviewer.agent
      .put(`/api/v1/assignments/${assignment.id}/scores`)
      .send({ scores: scoresFor(4), submit: false })
      .expect(409);
    expect(unstated.body.code).toBe('CONFLICT_STATEMENT_REQUIRED');
    await stateNoConflict(reviewer, assignment.id);

    const quarter = await reviewer.agent
      .put(`/api/v1/assignments/${assignment.id}/scores`)
      .send({ scores: [{ criterionCode: 'TARGET', score: 3.25 }], submit: false })
      .expect(422);
    expect(quarter.body.code).toBe('SCORE_INVALID');
    const tooHigh = await reviewer.agent
      .put(`/api/v1/assignments/${assignment.id}/scores`)
      .send({ scores: [{ criterionCode: 'TARGET', score: 5.5 }], submit: false })
      .expect(422);
    expect(tooHigh.body.code).toBe('SCORE_INVALID');
    const uncommented = scoresFor(2).map((s) => ({ ...s, comment: null }));
    const missingComment = await reviewer.agent
      .put(`/api/v1/assignments/${assignment.id}/scores`)
      .send({ scores: uncommented, submit: true })
      .expect(422);
    expect(missingComment.body.code).toBe('COMMENT_REQUIRED');
  });

  it('ranks by the weighted consensus, proposes a selection within the budget, and the minister approves it once', async () => {
    // Every reviewer scores every active assignment; dossier i gets level 5 - i*0.5 (dossier 4 falls below thresholds).
    const levelOf = new Map(dossiers.map((d, i) => [d.id, 5 - i * 0.5]));
    levelOf.set(dossiers[4].id, 2);
    // Automatic assignment also used the demo reviewer of the seed; every assigned review must be in (ADR 0009).
    for (const reviewer of [...reviewers, await session(api, DEMO.reviewer)]) {
      const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body.filter(
        (a: { status: string }) => a.status === 'assigned',
      );
      for (const assignment of mine) {
        if (!assignment.noConflictStatedAt) await stateNoConflict(reviewer, assignment.id);
        await reviewer.agent
          .put(`/api/v1/assignments/${assignment.id}/scores`)
          .send({ scores: scoresFor(levelOf.get(assignment.dossierId)!), submit: true })
          .expect(200);
      }
    }
    // The admin overrides one criterion of dossier 3 with a motivation.
    await admin.agent
      .put(`/api/v1/dossiers/${dossiers[3].id}/consensus`)
      .send({ scores: [{ criterionCode: 'TARGET', score: 5, motivation: 'Na overleg: uitzonderlijk bereik.' }] })
      .expect(204);

    const ranking = await minister.agent.get(`/api/v1/calls/${callId}/ranking`).expect(200);
    expect(ranking.body.map((r: { dossierId: string }) => r.dossierId)).toEqual([
      dossiers[0].id,
      dossiers[1].id,
      dossiers[2].id,
      dossiers[3].id,
      dossiers[4].id,
    ]);
    expect(ranking.body[4]).toMatchObject({ sufficient: false });
    expect(ranking.body[0].total).toBe(50);

    const csv = await admin.agent.get(`/api/v1/calls/${callId}/ranking/export?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/filename="?rangschikking-[A-Z0-9-]+\.csv"?/);
    const [csvHeader, csvFirst] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(csvFirst).toContain(ranking.body[0].reference);
    // Words, not codes: criteria by their labels, the moment in Brussels time, the budget line marked.
    for (const criterion of CRITERIA) expect(csvHeader).toContain(criterion.label);
    expect(csvHeader).not.toContain(`;${CRITERIA[0].code};`);
    expect(csvFirst).toMatch(/;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};/);
    expect(csvFirst).toContain('binnen het budget');
    expect(csv.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const xlsx = await admin.agent
      .get(`/api/v1/calls/${callId}/ranking/export?format=xlsx`)
      .buffer(true)
      .parse(readBuffer)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).getCell(2).value).toBe(ranking.body[0].reference);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const requested = sheet.getRow(2).getCell(headers.indexOf('Gevraagd') + 1);
    expect(typeof requested.value).toBe('number');
    expect(requested.numFmt).toContain('€');
    const submitted = sheet.getRow(2).getCell(headers.indexOf('Ingediend op (Brussel)') + 1);
    expect(submitted.value).toBeInstanceOf(Date);
    expect(submitted.numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(sheet.getColumn(headers.indexOf('Aanvrager') + 1).width).toBeGreaterThan(8);

    // Budget EUR 200,000, each asks EUR 70,000: two fit, the third would not (skip rule), the fourth neither.
    const proposal = await admin.agent
      .post(`/api/v1/calls/${callId}/proposal`)
      .send({ marginRule: 'skip' })
      .expect(201);
    expect(proposal.body.grantedCents).toBe(14_000_000);
    expect(proposal.body.lines.filter((l: { outcome: string }) => l.outcome === 'selected')).toHaveLength(2);
    expect(proposal.body.lines.find((l: { dossierId: string }) => l.dossierId === dossiers[4].id)).toMatchObject({
      outcome: 'rejected',
      reason: 'insufficient',
    });

    const partial = await admin.agent
      .post(`/api/v1/calls/${callId}/proposal`)
      .send({
        marginRule: 'partial',
        adjustments: [
          {
            dossierId: dossiers[1].id,
            adjustedCents: 6_000_000,
            motivation: 'Werkingskosten beperkt tot het noodzakelijke.',
          },
        ],
      })
      .expect(201);
    expect(partial.body.grantedCents).toBe(20_000_000);
    expect(partial.body.lines.find((l: { dossierId: string }) => l.dossierId === dossiers[2].id)).toMatchObject({
      outcome: 'selected',
      grantedCents: 7_000_000,
    });

    await minister.agent
      .post(`/api/v1/calls/${callId}/proposal/approve`)
      .send({ decisionDate: '2026-11-30', decisionReference: 'MB-TEST-1' })
      .expect(409);
    await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(200);
    expect(
      await api.dataSource.getRepository(NotificationEntity).countBy({ template: 'proposal.sent' }),
    ).toBeGreaterThanOrEqual(1);

    const approvals = await Promise.all(
      [0, 1].map(() =>
        minister.agent
          .post(`/api/v1/calls/${callId}/proposal/approve`)
          .send({ decisionDate: '2026-11-30', decisionReference: 'MB-2026-CJM-1130' }),
      ),
    );
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    const approved = approvals.find((r) => r.status === 200)!;
    expect(approved.body).toMatchObject({
      status: 'approved',
      decisionReference: 'MB-2026-CJM-1130',
      grantedCents: 20_000_000,
    });

    const rows = await api.dataSource.getRepository(DossierEntity).find({ where: { callId } });
    const awarded = rows.filter((d) => d.status === 'awarded');
    expect(awarded.reduce((sum, d) => sum + (d.grantedCents ?? 0), 0)).toBeLessThanOrEqual(20_000_000);
    expect(awarded.map((d) => d.id).sort()).toEqual([dossiers[0].id, dossiers[1].id, dossiers[2].id].sort());
    expect(rows.find((d) => d.id === dossiers[4].id)!.status).toBe('rejected');
    expect(await api.dataSource.getRepository(NotificationEntity).countBy({ template: 'dossier.decision' })).toBe(5);
    expect(await api.dataSource.getRepository(SelectionProposalEntity).countBy({ callId, status: 'approved' })).toBe(1);
  });

  it('never approves above the budget, even when a stored proposal was tampered with', async () => {
    const call = await createCall(api, { overrides: { criteria: CRITERIA, budgetCents: 10_000_000 } });
    const owner = await applicantWithOrganisation(api);
    const { id } = await completeDossier(api, owner, call.id);
    await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    await closeCallOnTime(api, call.id);
    await admin.agent
      .post(`/api/v1/dossiers/${id}/admissibility`)
      .send({ decision: 'admissible', motivation: 'In orde.' })
      .expect(200);
    await admin.agent
      .put(`/api/v1/dossiers/${id}/consensus`)
      .send({
        scores: scoresFor(4).map((s) => ({
          criterionCode: s.criterionCode,
          score: s.score,
          motivation: 'Consensus na vergadering.',
        })),
      })
      .expect(204);
    await admin.agent.post(`/api/v1/calls/${call.id}/proposal`).send({ marginRule: 'skip' }).expect(201);
    await admin.agent.post(`/api/v1/calls/${call.id}/proposal/send`).expect(200);
    // Tampering needs the lifecycle triggers off: the database refuses any change of a sent proposal (ADR 0009).
    await withTriggersOff(api, (query) =>
      query(
        `UPDATE selection_proposals SET lines = jsonb_set(lines, '{0,grantedCents}', '99999999') WHERE call_id = $1`,
        [call.id],
      ).then(() => undefined),
    );
    const refused = await minister.agent
      .post(`/api/v1/calls/${call.id}/proposal/approve`)
      .send({ decisionDate: '2026-11-30', decisionReference: 'MB-X' })
      .expect(409);
    expect(refused.body.code).toBe('BUDGET_EXCEEDED');
    const dossier = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id });
    expect(dossier.status).toBe('submitted');
    expect(
      await api.dataSource.getRepository(SelectionProposalEntity).countBy({ callId: call.id, status: 'approved' }),
    ).toBe(0);
  });

  it('decides admissibility for every undecided dossier that passed the checks in one motivated step', async () => {
    const call = await createCall(api, { overrides: { criteria: CRITERIA } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const owner = await applicantWithOrganisation(api);
      const { id } = await completeDossier(api, owner, call.id);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      ids.push(id);
    }
    await closeCallOnTime(api, call.id);
    // One was decided by hand already; one fails an automatic check (its submitted request is above the cap).
    await admin.agent
      .post(`/api/v1/dossiers/${ids[0]}/admissibility`)
      .send({ decision: 'inadmissible', motivation: 'Buiten de doelgroep.' })
      .expect(200);
    await withTriggersOff(api, (query) =>
      query(
        `UPDATE dossier_submissions SET content = jsonb_set(content, '{requestedCents}', '99999999') WHERE dossier_id = $1`,
        [ids[3]],
      ).then(() => undefined),
    );

    const bulk = await admin.agent
      .post(`/api/v1/calls/${call.id}/admissibility`)
      .send({ decision: 'admissible', motivation: 'Alle automatische controles geslaagd; nagekeken.' })
      .expect(200);
    expect(bulk.body.map((r: { dossierId: string }) => r.dossierId).sort()).toEqual([ids[1], ids[2]].sort());
    const rows = await admin.agent.get(`/api/v1/calls/${call.id}/admissibility`).expect(200);
    const decisionOf = (id: string) => rows.body.find((r: { dossierId: string }) => r.dossierId === id).decision;
    expect(ids.map(decisionOf)).toEqual(['inadmissible', 'admissible', 'admissible', null]);
    const notified = await api.dataSource
      .getRepository(NotificationEntity)
      .countBy({ template: 'dossier.admissibility' });
    expect(notified).toBeGreaterThanOrEqual(3);

    const unknown = await admin.agent
      .post(`/api/v1/calls/${call.id}/admissibility`)
      .send({ decision: 'admissible', motivation: 'Test.', dossierIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });
});
