import {
  applicantWithOrganisation,
  closeCallOnTime,
  COMPLETE_DRAFT,
  completeDossier,
  createCall,
} from '../support/factories';
import { binary } from '../support/http';
import {
  admitWithConsensus,
  approve,
  auditEvents,
  callWithSubmittedDossiers,
  consensusFor,
  CRITERIA,
  databaseError,
  reviewers,
  scoresFor,
  sendProposal,
  stateNoConflict,
  type BuiltDossier,
} from '../support/lifecycle';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';
import { pdfText } from '../support/pdf-text';

/** Every reviewer submits every open assignment of the call's dossiers at one level. */
async function submitOpenReviews(team: Session[], dossierIds: string[], level = 4): Promise<number> {
  let submitted = 0;
  for (const reviewer of team) {
    const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{
      id: string;
      dossierId: string;
      status: string;
    }>;
    for (const assignment of mine.filter((a) => a.status === 'assigned' && dossierIds.includes(a.dossierId))) {
      await stateNoConflict(reviewer, assignment.id);
      await reviewer.agent
        .put(`/api/v1/assignments/${assignment.id}/scores`)
        .send({ scores: scoresFor(level), submit: true })
        .expect(200);
      submitted++;
    }
  }
  return submitted;
}

describe('a decided call stays decided', () => {
  let api: TestApi;
  let admin: Session;
  let minister: Session;
  let team: Session[];

  beforeAll(async () => {
    api = await startApi();
    admin = await session(api, DEMO.admin);
    minister = await session(api, DEMO.minister);
    team = [await session(api, DEMO.reviewer), ...(await reviewers(api, 2))];
  });

  afterAll(async () => {
    await api.close();
  });

  describe('after the minister approved', () => {
    let callId: string;
    let dossiers: BuiltDossier[];

    beforeAll(async () => {
      // Budget EUR 200,000, skip rule: D0 70k + D1 70k + D2 50k awarded (190k), D3 40k does not fit (reserve).
      const built = await callWithSubmittedDossiers(api, [70_000, 70_000, 50_000, 40_000], 20_000_000);
      callId = built.callId;
      dossiers = built.dossiers;
      await closeCallOnTime(api, callId);
      await admitWithConsensus(admin, dossiers, [5, 4.5, 4, 3.5]);
      // One reviewer per dossier too, so that the call has review scores the decision rests on.
      await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: 1 }).expect(200);
      expect(
        await submitOpenReviews(
          team,
          dossiers.map((d) => d.id),
        ),
      ).toBe(4);
      await sendProposal(admin, callId);
      await approve(minister, callId).expect(200);
    });

    async function snapshot() {
      const rows = await api.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT id, status, granted_cents, title, requested_cents, submission_count, submitted_at, withdrawn_at
           FROM dossiers WHERE call_id = $1 ORDER BY id`,
        [callId],
      );
      const [call] = await api.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT closes_at, budget_cents, criteria, tie_break, assessment_stage FROM calls WHERE id = $1`,
        [callId],
      );
      const decisions = [];
      for (const d of dossiers)
        decisions.push((await d.owner.agent.get(`/api/v1/dossiers/${d.id}/decision`).expect(200)).body);
      const consensus = await api.dataSource.query(
        `SELECT dossier_id, criterion_code, score FROM consensus_scores WHERE dossier_id = ANY($1) ORDER BY 1, 2`,
        [dossiers.map((d) => d.id)],
      );
      const scores = await api.dataSource.query(
        `SELECT s.assignment_id, s.criterion_code, s.score FROM review_scores s JOIN review_assignments r ON r.id = s.assignment_id
          WHERE r.dossier_id = ANY($1) ORDER BY 1, 2`,
        [dossiers.map((d) => d.id)],
      );
      const admissibility = await api.dataSource.query(
        `SELECT dossier_id, decision, motivation FROM admissibility_decisions WHERE dossier_id = ANY($1) ORDER BY 1`,
        [dossiers.map((d) => d.id)],
      );
      return { rows, call, decisions, consensus, scores, admissibility };
    }

    it('refuses every act that fed the decision with a stable 409, and nothing changes', async () => {
      const before = await snapshot();
      expect(before.rows.filter((r) => r.status === 'awarded')).toHaveLength(3);
      expect(before.decisions.map((d) => d.outcome)).toEqual(['awarded', 'awarded', 'awarded', 'reserve']);
      const [d0, , , d3] = dossiers;

      const callVersion = async () =>
        (await admin.agent.get(`/api/v1/calls/${callId}`).expect(200)).body.version as number;
      const patchCall = async (body: Record<string, unknown>) =>
        admin.agent
          .patch(`/api/v1/calls/${callId}`)
          .set('If-Match', String(await callVersion()))
          .send(body);

      const refusals: Record<string, { status: number; code: string }> = {};
      const record = (name: string, response: { status: number; body: { code?: string } }) => {
        refusals[name] = { status: response.status, code: response.body.code ?? '' };
      };
      const later = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString();
      record('closing moment', await patchCall({ closesAt: later }));
      record('budget below awarded (PATCH)', await patchCall({ budgetCents: 10_000_000 }));
      record(
        'criteria weights',
        await patchCall({ criteria: CRITERIA.map((c, i) => ({ ...c, weight: i === 0 ? c.weight + 1 : c.weight })) }),
      );
      record(
        'budget decision by the admin',
        await admin.agent
          .post(`/api/v1/calls/${callId}/budget-decisions`)
          .send({ budgetCents: 25_000_000, motivation: 'Extra middelen.' }),
      );
      record(
        'consensus',
        await admin.agent.put(`/api/v1/dossiers/${d3.id}/consensus`).send({ scores: consensusFor(5) }),
      );
      record(
        'admissibility',
        await admin.agent
          .post(`/api/v1/dossiers/${d3.id}/admissibility`)
          .send({ decision: 'inadmissible', motivation: 'Toch niet.' }),
      );
      const version = (await d0.owner.agent.get(`/api/v1/dossiers/${d0.id}`).expect(200)).body.version as number;
      record(
        'applicant edit (autosave)',
        await d0.owner.agent
          .patch(`/api/v1/dossiers/${d0.id}`)
          .set('If-Match', String(version))
          .send({ title: 'Een andere titel', requestedCents: 9_000_000 }),
      );
      const reserveVersion = (await d3.owner.agent.get(`/api/v1/dossiers/${d3.id}`).expect(200)).body.version as number;
      record(
        'applicant edit (autosave, reserve)',
        await d3.owner.agent
          .patch(`/api/v1/dossiers/${d3.id}`)
          .set('If-Match', String(reserveVersion))
          .send({ requestedCents: 1_000_000 }),
      );
      record('resubmit', await d0.owner.agent.post(`/api/v1/dossiers/${d0.id}/submit`).send({ declaration: true }));
      record('withdraw (awarded)', await d0.owner.agent.post(`/api/v1/dossiers/${d0.id}/withdraw`));
      record('withdraw (reserve)', await d3.owner.agent.post(`/api/v1/dossiers/${d3.id}/withdraw`));
      const refusedAll = { status: 409, code: 'CALL_DECIDED' };
      const { 'applicant edit (autosave)': _awardedEdit, ...others } = refusals;
      expect(others).toEqual({
        'closing moment': refusedAll,
        'budget below awarded (PATCH)': refusedAll,
        'criteria weights': refusedAll,
        'budget decision by the admin': refusedAll,
        consensus: refusedAll,
        admissibility: refusedAll,
        'applicant edit (autosave, reserve)': refusedAll,
        resubmit: refusedAll,
        'withdraw (awarded)': refusedAll,
        'withdraw (reserve)': refusedAll,
      });

      // The minister's budget decision is a raise: lower, or below what is awarded, is refused.
      const lower = await minister.agent.post(`/api/v1/calls/${callId}/budget-decisions`).send({
        budgetCents: 18_000_000,
        motivation: 'Besparing.',
        decisionDate: '2026-12-01',
        decisionReference: 'MB-LOWER',
      });
      expect({ status: lower.status, code: lower.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });

      expect(await snapshot()).toEqual(before);
      // Checked last so that a wrong code does not hide the checks above: the database answers CALL_DECIDED for a
      // decided call's dossier (lifecycle_refuse), and so does the API for a reserve dossier's edit.
      expect(refusals['applicant edit (autosave)']).toEqual(refusedAll);
    });

    it('refuses the same acts in the database itself (SQLSTATE PL409)', async () => {
      const [d0, , , d3] = dossiers;
      const q = (sql: string, parameters: unknown[]) => databaseError(api.dataSource.query(sql, parameters));
      expect(await q(`UPDATE calls SET closes_at = closes_at + interval '1 day' WHERE id = $1`, [callId])).toEqual({
        code: 'PL409',
        message: 'CALL_DECIDED',
      });
      expect(await q(`UPDATE calls SET budget_cents = 1000000 WHERE id = $1`, [callId])).toEqual({
        code: 'PL409',
        message: 'CALL_DECIDED',
      });
      // What the decision letters quote (appeal route, conditions) is frozen with the decision.
      expect(
        await q(`UPDATE calls SET information = '{"appealRoute": "Geen beroep mogelijk."}' WHERE id = $1`, [callId]),
      ).toEqual({ code: 'PL409', message: 'CALL_DECIDED' });
      expect(await q(`UPDATE dossiers SET status = 'withdrawn' WHERE id = $1`, [d3.id])).toEqual({
        code: 'PL409',
        message: 'CALL_DECIDED',
      });
      expect(await q(`UPDATE dossiers SET status = 'withdrawn' WHERE id = $1`, [d0.id])).toEqual({
        code: 'PL409',
        message: 'DOSSIER_TRANSITION_FORBIDDEN',
      });
      expect(await q(`UPDATE dossiers SET title = 'Gewijzigd' WHERE id = $1`, [d0.id])).toEqual({
        code: 'PL409',
        message: 'CALL_DECIDED',
      });
      const scoreRefusal = await q(
        `UPDATE review_scores SET score = 0 WHERE assignment_id IN
           (SELECT r.id FROM review_assignments r JOIN dossiers d ON d.id = r.dossier_id WHERE d.call_id = $1)`,
        [callId],
      );
      expect(scoreRefusal).toEqual({ code: 'PL409', message: 'CALL_DECIDED' });
      expect(await q(`UPDATE consensus_scores SET score = 1 WHERE dossier_id = $1`, [d0.id])).toEqual({
        code: 'PL409',
        message: 'CALL_DECIDED',
      });
      expect(
        await q(`UPDATE selection_proposals SET status = 'returned' WHERE call_id = $1 AND status = 'approved'`, [
          callId,
        ]),
      ).toEqual({ code: 'PL409', message: 'CALL_DECIDED' });
      const [{ awarded }] = await api.dataSource.query<Array<{ awarded: string }>>(
        `SELECT count(*) AS awarded FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
        [callId],
      );
      expect(Number(awarded)).toBe(3);
    });

    it('lets the minister raise the budget after the decision, with date and reference; not the admin', async () => {
      const refused = await admin.agent
        .post(`/api/v1/calls/${callId}/budget-decisions`)
        .send({ budgetCents: 24_000_000, motivation: 'Extra middelen.' })
        .expect(409);
      expect(refused.body.code).toBe('CALL_DECIDED');
      const withoutReference = await minister.agent
        .post(`/api/v1/calls/${callId}/budget-decisions`)
        .send({ budgetCents: 24_000_000, motivation: 'Extra middelen.' })
        .expect(400);
      expect(withoutReference.body.code).toBe('VALIDATION_FAILED');
      const raised = await minister.agent
        .post(`/api/v1/calls/${callId}/budget-decisions`)
        .send({
          budgetCents: 24_000_000,
          motivation: 'Bijkomende middelen uit de begrotingsaanpassing.',
          decisionDate: '2026-12-10',
          decisionReference: 'MB-2026-BUDGET-1210',
        })
        .expect(200);
      expect(raised.body).toEqual([
        expect.objectContaining({
          beforeCents: 20_000_000,
          afterCents: 24_000_000,
          decidedRole: 'minister',
          decisionDate: '2026-12-10',
          decisionReference: 'MB-2026-BUDGET-1210',
        }),
      ]);
      const [call] = await api.dataSource.query<Array<{ budget_cents: string }>>(
        'SELECT budget_cents FROM calls WHERE id = $1',
        [callId],
      );
      expect(Number(call.budget_cents)).toBe(24_000_000);
      const [event] = await auditEvents(api, { action: 'call.budget_decided', entityId: callId });
      expect(event.before).toEqual({ budgetCents: 20_000_000 });
      expect(event.after).toMatchObject({
        budgetCents: 24_000_000,
        role: 'minister',
        decisionReference: 'MB-2026-BUDGET-1210',
        budgetDecisionId: raised.body[0].id,
      });
      const proposal = await minister.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200);
      expect(proposal.body.budgetDecisions).toEqual(raised.body);
    });
  });

  describe('before the decision: open reviews, stale proposals, budget raises, conflicted reviewers', () => {
    let callId: string;
    let dossiers: BuiltDossier[];
    const ids = () => dossiers.map((d) => d.id);

    beforeAll(async () => {
      // Budget EUR 150,000: two of the three (EUR 70,000 each) fit.
      const built = await callWithSubmittedDossiers(api, [70_000, 70_000, 70_000], 15_000_000);
      callId = built.callId;
      dossiers = built.dossiers;
      await closeCallOnTime(api, callId);
      await admitWithConsensus(admin, dossiers, [5, 4.5, 4]);
      await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: 1 }).expect(200);
    });

    it('a reviewer who declared a conflict reads nothing of the dossier any more', async () => {
      let found: { reviewer: Session; id: string; dossierId: string } | undefined;
      for (const reviewer of team) {
        const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{
          id: string;
          dossierId: string;
          status: string;
        }>;
        const open = mine.find((a) => a.status === 'assigned' && ids().includes(a.dossierId));
        if (open) found = { reviewer, id: open.id, dossierId: open.dossierId };
        if (found) break;
      }
      const { reviewer, id, dossierId } = found!;
      const before = await reviewer.agent.get(`/api/v1/assignments/${id}`).expect(200);
      expect(before.body.content.title).toBeTruthy();
      const [file] = before.body.content.attachments as Array<{ id: string }>;
      await reviewer.agent.get(`/api/v1/assignments/${id}/attachments/${file.id}`).expect(200);
      await stateNoConflict(reviewer, id);
      await reviewer.agent
        .put(`/api/v1/assignments/${id}/scores`)
        .send({ scores: [{ criterionCode: CRITERIA[0].code, score: 4 }], submit: false })
        .expect(200);
      await reviewer.agent
        .post(`/api/v1/assignments/${id}/conflict`)
        .send({ reason: 'Mijn partner werkt bij deze organisatie.' })
        .expect(200);

      const after = await reviewer.agent.get(`/api/v1/assignments/${id}`).expect(200);
      expect(after.body).toMatchObject({ status: 'conflict', content: null, scores: [] });
      expect(JSON.stringify(after.body)).not.toContain(COMPLETE_DRAFT.title);
      await reviewer.agent.get(`/api/v1/assignments/${id}/attachments/${file.id}`).expect(404);
      await reviewer.agent.get(`/api/v1/dossiers/${dossierId}/attachments/${file.id}`).expect(403);
      // No score of the conflicted assignment counts.
      const scores = await admin.agent.get(`/api/v1/calls/${callId}/scores`).expect(200);
      expect(JSON.stringify(scores.body)).not.toContain(id);
    });

    it('a proposal computed while reviews are open cannot be sent, and lists them', async () => {
      await admin.agent.post(`/api/v1/calls/${callId}/proposal`).send({ marginRule: 'skip' }).expect(201);
      const [{ open }] = await api.dataSource.query<Array<{ open: number }>>(
        `SELECT count(*)::int AS open FROM review_assignments r JOIN dossiers d ON d.id = r.dossier_id
          WHERE d.call_id = $1 AND r.status = 'assigned'`,
        [callId],
      );
      expect(open).toBe(3);
      const view = await admin.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200);
      expect(view.body.openReviews).toHaveLength(3);
      expect(view.body.openReviews.map((r: { reference: string }) => r.reference).sort()).toEqual(
        (
          await api.dataSource.query<Array<{ reference: string }>>(
            `SELECT d.reference FROM review_assignments r JOIN dossiers d ON d.id = r.dossier_id
              WHERE d.call_id = $1 AND r.status = 'assigned'`,
            [callId],
          )
        )
          .map((r) => r.reference)
          .sort(),
      );
      const refused = await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(409);
      expect(refused.body.code).toBe('REVIEWS_OPEN');
      await approve(minister, callId).expect(409);

      // The reviews come in: the proposal computed before them is stale; a recomputed one goes.
      expect(await submitOpenReviews(team, ids())).toBe(3);
      const stale = await admin.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200);
      expect(stale.body).toMatchObject({ stale: true, openReviews: [] });
      const staleSend = await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(409);
      expect(staleSend.body.code).toBe('PROPOSAL_STALE');
    });

    it('a changed consensus makes the computed proposal stale; recomputing fixes it', async () => {
      await admin.agent.post(`/api/v1/calls/${callId}/proposal`).send({ marginRule: 'skip' }).expect(201);
      expect((await admin.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200)).body.stale).toBe(false);
      await admin.agent
        .put(`/api/v1/dossiers/${dossiers[2].id}/consensus`)
        .send({ scores: consensusFor(4.5) })
        .expect(204);
      expect((await admin.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200)).body.stale).toBe(true);
      const refused = await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(409);
      expect(refused.body.code).toBe('PROPOSAL_STALE');
      await admin.agent.post(`/api/v1/calls/${callId}/proposal`).send({ marginRule: 'skip' }).expect(201);
      expect((await admin.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200)).body.stale).toBe(false);
    });

    it('a budget raise before the approval is audited, shown on the proposal, and makes it stale', async () => {
      const raised = await admin.agent
        .post(`/api/v1/calls/${callId}/budget-decisions`)
        .send({ budgetCents: 21_000_000, motivation: 'Overschot van de vorige oproep toegevoegd.' })
        .expect(200);
      expect(raised.body).toEqual([
        expect.objectContaining({
          beforeCents: 15_000_000,
          afterCents: 21_000_000,
          motivation: 'Overschot van de vorige oproep toegevoegd.',
          decidedRole: 'admin',
          decisionDate: null,
          decisionReference: null,
        }),
      ]);
      const events = await auditEvents(api, { action: 'call.budget_decided', entityId: callId });
      expect(events).toHaveLength(1);
      expect(events[0].before).toEqual({ budgetCents: 15_000_000 });
      expect(events[0].after).toMatchObject({
        budgetCents: 21_000_000,
        budgetDecisionId: raised.body[0].id,
        motivation: 'Overschot van de vorige oproep toegevoegd.',
        role: 'admin',
      });
      const view = await admin.agent.get(`/api/v1/calls/${callId}/proposal`).expect(200);
      expect(view.body.stale).toBe(true);
      expect(view.body.budgetDecisions).toEqual(raised.body);
      const refused = await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(409);
      expect(refused.body.code).toBe('PROPOSAL_STALE');

      // Recomputed on the raised budget, all three fit; sent and approved.
      const proposal = await admin.agent
        .post(`/api/v1/calls/${callId}/proposal`)
        .send({ marginRule: 'skip' })
        .expect(201);
      expect(proposal.body.grantedCents).toBe(21_000_000);
      await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(200);
      await approve(minister, callId).expect(200);
      const awarded = await api.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
        [callId],
      );
      expect(awarded[0].n).toBe(3);
    });
  });

  describe('the decision is about the submitted version', () => {
    it('the letter and the ranking and proposal exports show the submitted title, not the working copy', async () => {
      const submittedTitle = `Ingediende titel ${Date.now()}`;
      const workingTitle = `Werkkopie na indiening ${Date.now()}`;
      const call = await createCall(api, {
        overrides: { criteria: CRITERIA, budgetCents: 20_000_000, maxRequestedCents: 10_000_000 },
      });
      const owner = await applicantWithOrganisation(api);
      const { id, version } = await completeDossier(api, owner, call.id);
      const titled = await owner.agent
        .patch(`/api/v1/dossiers/${id}`)
        .set('If-Match', String(version))
        .send({ title: submittedTitle })
        .expect(200);
      await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
      // After the submission, before the deadline: the working copy changes, without a new submission.
      const current = (await owner.agent.get(`/api/v1/dossiers/${id}`).expect(200)).body.version as number;
      expect(current).toBeGreaterThanOrEqual(titled.body.version as number);
      await owner.agent
        .patch(`/api/v1/dossiers/${id}`)
        .set('If-Match', String(current))
        .send({ title: workingTitle })
        .expect(200);
      const [row] = await api.dataSource.query<Array<{ title: string }>>('SELECT title FROM dossiers WHERE id = $1', [
        id,
      ]);
      expect(row.title).toBe(workingTitle);
      await closeCallOnTime(api, call.id);
      await admitWithConsensus(admin, [{ id, owner, version: current }], [4]);

      const ranking = await admin.agent.get(`/api/v1/calls/${call.id}/ranking/export?format=csv`).expect(200);
      expect(ranking.text).toContain(submittedTitle);
      expect(ranking.text).not.toContain(workingTitle);
      const rankingJson = await admin.agent.get(`/api/v1/calls/${call.id}/ranking`).expect(200);
      expect(JSON.stringify(rankingJson.body)).not.toContain(workingTitle);

      await sendProposal(admin, call.id);
      const proposal = await admin.agent.get(`/api/v1/calls/${call.id}/proposal/export?format=csv`).expect(200);
      const [header, first] = proposal.text.split('\r\n');
      const titleColumn = header.split(/[;,]/).indexOf('Titel');
      expect(titleColumn).toBeGreaterThanOrEqual(0);
      expect(first).toContain(submittedTitle);
      expect(proposal.text).not.toContain(workingTitle);
      const proposalJson = await minister.agent.get(`/api/v1/calls/${call.id}/proposal`).expect(200);
      expect(JSON.stringify(proposalJson.body)).not.toContain(workingTitle);

      await approve(minister, call.id).expect(200);
      const letter = await binary(owner.agent.get(`/api/v1/dossiers/${id}/decision/letter`)).expect(200);
      const text = pdfText(letter.body as Buffer).replace(/\s+/g, ' ');
      expect(text).toContain(`uw project „${submittedTitle}”`);
      expect(text).not.toContain(workingTitle);
    });
  });

  describe('deadline semantics: a call closing at hh:mm:ss accepts what the database decides in that whole second', () => {
    it('is open during its closing second and closed after it (SQL, with now() fixed in one transaction)', async () => {
      const call = await createCall(api);
      const owner = await applicantWithOrganisation(api);
      const { id } = await completeDossier(api, owner, call.id);
      const phases = await api.dataSource.transaction(async (manager) => {
        const phase = async (closesAt: string) => {
          await manager.query(`UPDATE calls SET closes_at = ${closesAt} WHERE id = $1`, [call.id]);
          const [{ p }] = await manager.query<Array<{ p: string }>>(
            'SELECT call_phase(c) AS p FROM calls c WHERE id = $1',
            [call.id],
          );
          return p;
        };
        return {
          startOfThisSecond: await phase(`date_trunc('second', now())`),
          lastMillisecondOfPrevious: await phase(`date_trunc('second', now()) - interval '1 millisecond'`),
          previousSecond: await phase(`date_trunc('second', now()) - interval '1 second'`),
          exactlyNow: await phase('now()'),
        };
      });
      expect(phases).toEqual({
        startOfThisSecond: 'published',
        lastMillisecondOfPrevious: 'closed',
        previousSecond: 'closed',
        exactlyNow: 'published',
      });

      // The database accepts a submission decided during the closing second, and refuses one after it.
      const submitAt = async (closesAt: string) =>
        databaseError(
          api.dataSource.transaction(async (manager) => {
            await manager.query(`UPDATE calls SET closes_at = ${closesAt} WHERE id = $1`, [call.id]);
            await manager.query(`UPDATE dossiers SET summary = summary || '.' WHERE id = $1`, [id]);
            throw Object.assign(new Error('accepted'), { code: 'ACCEPTED', message: 'accepted' });
          }),
        );
      expect(await submitAt(`date_trunc('second', now())`)).toEqual({ code: 'ACCEPTED', message: 'accepted' });
      expect(await submitAt(`date_trunc('second', now()) - interval '1 second'`)).toEqual({
        code: 'PL409',
        message: 'DEADLINE_PASSED',
      });
    });
  });
});
