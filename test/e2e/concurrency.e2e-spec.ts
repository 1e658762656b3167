import { closeCallOnTime, createUser } from '../support/factories';
import {
  admitWithConsensus,
  approve,
  assessedCall,
  callWithSubmittedDossiers,
  chainEnd,
  CRITERIA,
  scoresFor,
  sendProposal,
  stateNoConflict,
  type BuiltDossier,
} from '../support/lifecycle';
import { interleave, many, race, serverErrors, tally, type RaceResult } from '../support/race';
import { DEMO, session, startApi, type Session, type TestApi } from '../support/test-app';

type Row = Record<string, unknown>;

/** Only these answers occur for a label (status, or "status CODE"); prints the whole tally when not. */
function expectOnly(results: RaceResult[], allowed: Record<string, string[]>): void {
  const unexpected = results.filter((r) => {
    const ok = allowed[r.label] ?? [];
    return !ok.includes(String(r.status)) && !ok.includes(`${r.status} ${r.code}`);
  });
  expect({ unexpected: unexpected.map((r) => `${r.label}: ${r.status} ${r.code}`), tally: tally(results) }).toEqual({
    unexpected: [],
    tally: tally(results),
  });
}

function ok(results: RaceResult[], label?: string): RaceResult[] {
  return results.filter((r) => r.status >= 200 && r.status < 300 && (label === undefined || r.label === label));
}

const numeric = (rows: Array<{ criterionCode: string; score: unknown; comment: unknown }>) =>
  rows
    .map((r) => ({ criterionCode: r.criterionCode, score: Number(r.score), comment: r.comment ?? null }))
    .sort((a, b) => a.criterionCode.localeCompare(b.criterionCode));

describe('concurrency: conflicting requests at once end in allowed states, and the audit log agrees with the rows', () => {
  let api: TestApi;
  let admins: Session[];
  let ministers: Session[];

  beforeAll(async () => {
    api = await startApi();
    admins = [await session(api, DEMO.admin), await session(api, DEMO.admin)];
    ministers = [await session(api, DEMO.minister), await session(api, DEMO.minister)];
  });

  afterAll(async () => {
    await api.close();
  });

  const sql = <T = Row>(text: string, parameters: unknown[] = []) => api.dataSource.query<T[]>(text, parameters);

  async function dossierAudit(
    ids: string[],
  ): Promise<Map<string, Array<{ action: string; before: unknown; after: unknown }>>> {
    const events = await sql<{ entity_id: string; action: string; before: unknown; after: unknown }>(
      `SELECT entity_id, action, before, after FROM audit_events
        WHERE entity_type = 'dossier' AND entity_id = ANY($1)
          AND action IN ('dossier.decided', 'dossier.declined', 'dossier.withdrawn', 'dossier.admissibility_decided')
        ORDER BY occurred_at, id`,
      [ids],
    );
    const promotions = await sql<{ after: { dossierId: string; status: string } }>(
      `SELECT after FROM audit_events WHERE action = 'reserve.confirmed' AND after->>'dossierId' = ANY($1)`,
      [ids],
    );
    const byDossier = new Map(ids.map((id) => [id, [] as Array<{ action: string; before: unknown; after: unknown }>]));
    for (const e of events) byDossier.get(e.entity_id)!.push(e);
    for (const p of promotions)
      byDossier
        .get(p.after.dossierId)!
        .push({ action: 'reserve.confirmed', before: { status: 'submitted' }, after: { status: 'awarded' } });
    return byDossier;
  }

  /** Each dossier's status equals where its audit trail ends, starting from the submitted dossier. */
  async function expectStatusesFollowAudit(ids: string[]): Promise<void> {
    const rows = await sql<{ id: string; status: string }>('SELECT id, status FROM dossiers WHERE id = ANY($1)', [ids]);
    const trail = await dossierAudit(ids);
    const fromAudit = Object.fromEntries(ids.map((id) => [id, chainEnd('submitted', trail.get(id)!)]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual(fromAudit);
  }

  describe('reviews', () => {
    let callId: string;
    let dossiers: BuiltDossier[];
    /** Two sessions per reviewer, by e-mail. */
    const reviewerSessions = new Map<string, Session[]>();

    beforeAll(async () => {
      const emails = [DEMO.reviewer, await createUser(api, ['reviewer']), await createUser(api, ['reviewer'])];
      for (const email of emails) reviewerSessions.set(email, [await session(api, email), await session(api, email)]);
      const built = await callWithSubmittedDossiers(api, [50_000, 50_000, 50_000], 20_000_000);
      callId = built.callId;
      dossiers = built.dossiers;
      await closeCallOnTime(api, callId);
      await admitWithConsensus(admins[0], dossiers, [4, 4, 4]);
      await admins[0].agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: 1 }).expect(200);
    });

    /** An open assignment of this call not used yet, with its reviewer's sessions. */
    const used = new Set<string>();
    async function openAssignment(): Promise<{ id: string; dossierId: string; sessions: Session[] }> {
      for (const sessions of reviewerSessions.values()) {
        const mine = (await sessions[0].agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{
          id: string;
          dossierId: string;
          status: string;
        }>;
        const open = mine.find(
          (a) => a.status === 'assigned' && !used.has(a.id) && dossiers.some((d) => d.id === a.dossierId),
        );
        if (open) {
          used.add(open.id);
          await stateNoConflict(sessions[0], open.id);
          return { ...open, sessions };
        }
      }
      throw new Error('no open assignment left');
    }

    async function storedScores(assignmentId: string) {
      return numeric(
        await sql<{ criterionCode: string; score: unknown; comment: unknown }>(
          `SELECT criterion_code AS "criterionCode", score, comment FROM review_scores WHERE assignment_id = $1`,
          [assignmentId],
        ),
      );
    }

    async function events(action: string, assignmentId: string) {
      return sql<{
        after: { scores?: Array<{ criterionCode: string; score: unknown; comment: unknown }>; reason?: string };
      }>(`SELECT after FROM audit_events WHERE action = $1 AND after->>'assignmentId' = $2`, [action, assignmentId]);
    }

    // Interim saves leave first, so some land before the submission: the submission must still store its own scores.
    it('a submission raced by interim saves on the same assignment: one submission, its scores stored and audited', async () => {
      const assignment = await openAssignment();
      const url = `/api/v1/assignments/${assignment.id}/scores`;
      const submitLevel = (i: number) => 3 + (i % 5) * 0.5; // 3 .. 5, no comment needed
      const interim = many(16, 'interim', assignment.sessions, (s) =>
        s.agent.put(url).send({ scores: CRITERIA.map((c) => ({ criterionCode: c.code, score: 0 })), submit: false }),
      );
      const submits = many(8, 'submit', assignment.sessions, (s, i) =>
        s.agent.put(url).send({ scores: scoresFor(submitLevel(i)), submit: true }),
      );
      const results = await race([...interim.slice(0, 6), ...interleave(interim.slice(6), submits)]);
      expect(serverErrors(results)).toEqual([]);
      expectOnly(results, {
        submit: ['200', '409 REVIEW_ALREADY_SUBMITTED'],
        interim: ['200', '409 REVIEW_ALREADY_SUBMITTED'],
      });
      const submitted = ok(results, 'submit');
      expect(submitted).toHaveLength(1);

      const [row] = await sql<{ status: string; submitted_at: Date | null; conflict_reason: string | null }>(
        'SELECT status, submitted_at, conflict_reason FROM review_assignments WHERE id = $1',
        [assignment.id],
      );
      expect(row).toMatchObject({ status: 'submitted', conflict_reason: null });
      expect(row.submitted_at).not.toBeNull();

      const stored = await storedScores(assignment.id);
      const winner = submitted[0].body as {
        scores: Array<{ criterionCode: string; score: number; comment: string | null }>;
      };
      expect(stored).toHaveLength(CRITERIA.length);
      expect(stored).toEqual(numeric(winner.scores));
      expect(new Set(stored.map((s) => s.score)).size).toBe(1);
      expect(stored[0].score).toBeGreaterThanOrEqual(3);

      const audited = await events('review.submitted', assignment.id);
      expect(audited).toHaveLength(1);
      expect(numeric(audited[0].after.scores!)).toEqual(stored);

      // And the review stays final.
      const [s] = assignment.sessions;
      const late = await s.agent.put(url).send({ scores: scoresFor(1), submit: false });
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'REVIEW_ALREADY_SUBMITTED' });
      expect(await storedScores(assignment.id)).toEqual(stored);
    });

    it('a conflict declaration raced by submissions on the same assignment: exactly one of the two', async () => {
      const assignment = await openAssignment();
      const results = await race(
        interleave(
          many(12, 'submit', assignment.sessions, (s) =>
            s.agent.put(`/api/v1/assignments/${assignment.id}/scores`).send({ scores: scoresFor(4), submit: true }),
          ),
          many(12, 'conflict', assignment.sessions, (s) =>
            s.agent
              .post(`/api/v1/assignments/${assignment.id}/conflict`)
              .send({ reason: 'Ik ken de aanvrager persoonlijk.' }),
          ),
        ),
      );
      expect(serverErrors(results)).toEqual([]);
      const refusedCodes = ['409 REVIEW_ALREADY_SUBMITTED', '409 REVIEW_CONFLICT_DECLARED'];
      expectOnly(results, { conflict: ['200', ...refusedCodes], submit: ['200', ...refusedCodes] });
      const winners = ok(results);
      expect(winners).toHaveLength(1);

      const [row] = await sql<{ status: string; submitted_at: Date | null; conflict_reason: string | null }>(
        'SELECT status, submitted_at, conflict_reason FROM review_assignments WHERE id = $1',
        [assignment.id],
      );
      const submittedEvents = await events('review.submitted', assignment.id);
      const conflictEvents = await events('review.conflict_declared', assignment.id);
      const stored = await storedScores(assignment.id);
      const scoresView = await admins[0].agent.get(`/api/v1/calls/${callId}/scores`).expect(200);
      if (winners[0].label === 'submit') {
        expect(row).toMatchObject({ status: 'submitted', conflict_reason: null });
        expect(row.submitted_at).not.toBeNull();
        expect(conflictEvents).toHaveLength(0);
        expect(submittedEvents).toHaveLength(1);
        expect(numeric(submittedEvents[0].after.scores!)).toEqual(stored);
        expect(stored).toHaveLength(CRITERIA.length);
      } else {
        expect(row).toMatchObject({
          status: 'conflict',
          submitted_at: null,
          conflict_reason: 'Ik ken de aanvrager persoonlijk.',
        });
        expect(submittedEvents).toHaveLength(0);
        expect(conflictEvents).toHaveLength(1);
        expect(conflictEvents[0].after.reason).toBe(row.conflict_reason);
        expect(stored).toEqual([]);
        expect(JSON.stringify(scoresView.body)).not.toContain(assignment.id);
      }
    });
  });

  it('withdrawals racing the admissibility decisions at the closing moment: each dossier ends in one of the two, never both', async () => {
    const { callId, dossiers } = await callWithSubmittedDossiers(
      api,
      Array.from({ length: 10 }, () => 50_000),
      20_000_000,
    );
    // Closes at the end of the next second by the database clock; the requests leave just before that instant.
    await sql(`UPDATE calls SET closes_at = date_trunc('second', now()) + interval '1 second' WHERE id = $1`, [callId]);
    const [{ ms }] = await sql<{ ms: number }>(
      `SELECT extract(epoch FROM (date_trunc('second', closes_at) + interval '1 second' - clock_timestamp())) * 1000 AS ms
         FROM calls WHERE id = $1`,
      [callId],
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(ms) - 60)));
    const results = await race(
      interleave(
        dossiers.map((d) => ({
          label: 'withdraw',
          session: d.owner,
          request: (s: Session) => s.agent.post(`/api/v1/dossiers/${d.id}/withdraw`),
        })),
        dossiers.map((d, i) => ({
          label: 'admissibility',
          session: admins[i % admins.length],
          request: (s: Session) =>
            s.agent.post(`/api/v1/dossiers/${d.id}/admissibility`).send({
              decision: i % 2 ? 'inadmissible' : 'admissible',
              motivation: i % 2 ? 'De begroting klopt niet.' : 'In orde.',
            }),
        })),
      ),
    );
    expect(serverErrors(results)).toEqual([]);
    for (const r of results) expect([200, 404, 409]).toContain(r.status);

    const ids = dossiers.map((d) => d.id);
    const rows = await sql<{
      id: string;
      status: string;
      withdrawn: boolean;
      decision: string | null;
      in_time: boolean | null;
    }>(
      `SELECT d.id, d.status, d.withdrawn_at IS NOT NULL AS withdrawn, a.decision,
              d.withdrawn_at < date_trunc('second', c.closes_at) + interval '1 second' AS in_time
         FROM dossiers d JOIN calls c ON c.id = d.call_id LEFT JOIN admissibility_decisions a ON a.dossier_id = d.id
        WHERE d.id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    for (const [i, d] of dossiers.entries()) {
      const row = rows.find((r) => r.id === d.id)!;
      const withdrew = results.filter((r) => r.label === 'withdraw')[i].status === 200;
      const decided = results.filter((r) => r.label === 'admissibility')[i].status === 200;
      const state = {
        dossier: i,
        withdrew,
        decided,
        both: withdrew && decided,
        status: row.status,
        decision: row.decision,
      };
      expect(state).toEqual({
        dossier: i,
        withdrew,
        decided,
        both: false,
        status: withdrew ? 'withdrawn' : decided && i % 2 ? 'inadmissible' : 'submitted',
        decision: decided ? (i % 2 ? 'inadmissible' : 'admissible') : null,
      });
      if (withdrew) expect(row.in_time).toBe(true);
    }
    await expectStatusesFollowAudit(ids);
    const withdrawnEvents = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'dossier.withdrawn' AND entity_id = ANY($1)`,
      [ids],
    );
    expect(withdrawnEvents[0].n).toBe(ok(results, 'withdraw').length);
  });

  it('the approval raced by budget changes: one approval, budget raises only after it and only by the minister', async () => {
    // Budget EUR 150,000: two of three (EUR 70,000 each) fit.
    const { callId, dossiers } = await assessedCall(api, admins[0], [70_000, 70_000, 70_000], [5, 4.5, 4], 15_000_000);
    await sendProposal(admins[0], callId);
    const version = (await admins[0].agent.get(`/api/v1/calls/${callId}`).expect(200)).body.version as number;
    const results = await race(
      interleave(
        many(20, 'approve', ministers, (s, i) => approve(s, callId, `MB-RACE-${i}`)),
        many(4, 'patch budget', admins, (s, i) =>
          s.agent
            .patch(`/api/v1/calls/${callId}`)
            .set('If-Match', String(version))
            .send({ budgetCents: i % 2 ? 10_000_000 : 30_000_000 }),
        ),
        many(4, 'admin budget decision', admins, (s, i) =>
          s.agent
            .post(`/api/v1/calls/${callId}/budget-decisions`)
            .send({ budgetCents: 16_000_000 + i * 1_000_000, motivation: 'Extra middelen.' }),
        ),
        many(6, 'minister budget decision', ministers, (s, i) =>
          s.agent.post(`/api/v1/calls/${callId}/budget-decisions`).send({
            budgetCents: 16_000_000 + i * 1_000_000,
            motivation: 'Bijkomende middelen.',
            decisionDate: '2026-12-10',
            decisionReference: `MB-BUDGET-${i}`,
          }),
        ),
      ),
    );
    expect(serverErrors(results)).toEqual([]);
    expectOnly(results, {
      approve: ['200', '409 CALL_DECIDED', '409 PROPOSAL_STATE', '409 CALL_PHASE_FORBIDS'],
      'patch budget': ['409 CALL_DECIDED', '409 CALL_PHASE_FORBIDS', '409 VERSION_CONFLICT'],
      'admin budget decision': ['409 CALL_DECIDED', '409 CALL_PHASE_FORBIDS'],
      'minister budget decision': [
        '200',
        '409 CALL_PHASE_FORBIDS',
        '409 VERSION_CONFLICT',
        '400 VALIDATION_FAILED',
        '403 FORBIDDEN',
      ],
    });
    expect(ok(results, 'approve')).toHaveLength(1);

    const [call] = await sql<{ budget_cents: string; assessment_stage: string }>(
      'SELECT budget_cents, assessment_stage FROM calls WHERE id = $1',
      [callId],
    );
    expect(call.assessment_stage).toBe('decided');
    const [proposal] = await sql<{ id: string; approved_at: Date; granted_cents: string }>(
      `SELECT id, approved_at, granted_cents FROM selection_proposals WHERE call_id = $1 AND status = 'approved'`,
      [callId],
    );
    expect(Number(proposal.granted_cents)).toBe(14_000_000);
    const approvedEvents = await sql<{ after: { proposalId: string; decisionReference: string } }>(
      `SELECT after FROM audit_events WHERE action = 'proposal.approved' AND entity_id = $1`,
      [callId],
    );
    expect(approvedEvents).toHaveLength(1);
    expect(approvedEvents[0].after).toMatchObject({
      proposalId: proposal.id,
      decisionReference: (ok(results, 'approve')[0].body as { decisionReference: string }).decisionReference,
    });

    // The budget decisions: a chain of raises from EUR 150,000, each after the approval, each audited as stored.
    const decisions = await sql<{
      id: string;
      before_cents: string;
      after_cents: string;
      decided_role: string;
      decided_at: Date;
      decision_reference: string;
    }>('SELECT * FROM budget_decisions WHERE call_id = $1', [callId]);
    expect(decisions).toHaveLength(ok(results, 'minister budget decision').length);
    let budget = 15_000_000;
    const left = [...decisions];
    while (left.length) {
      const next = left.findIndex((d) => Number(d.before_cents) === budget);
      expect(next).toBeGreaterThanOrEqual(0);
      budget = Number(left[next].after_cents);
      left.splice(next, 1);
    }
    expect(Number(call.budget_cents)).toBe(budget);
    for (const d of decisions) {
      expect(d.decided_role).toBe('minister');
      expect(d.decided_at.getTime()).toBeGreaterThanOrEqual(proposal.approved_at.getTime());
    }
    const budgetEvents = await sql<{ before: { budgetCents: number }; after: Row }>(
      `SELECT before, after FROM audit_events WHERE action = 'call.budget_decided' AND entity_id = $1`,
      [callId],
    );
    expect(
      budgetEvents
        .map((e) => ({
          id: e.after.budgetDecisionId,
          before: e.before.budgetCents,
          after: e.after.budgetCents,
          role: e.after.role,
          reference: e.after.decisionReference,
        }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    ).toEqual(
      decisions
        .map((d) => ({
          id: d.id,
          before: Number(d.before_cents),
          after: Number(d.after_cents),
          role: d.decided_role,
          reference: d.decision_reference,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );

    // The decided dossiers: within the budget as it was approved, and as the audit log says.
    const awarded = await sql<{ n: number; total: string }>(
      `SELECT count(*)::int AS n, coalesce(sum(granted_cents), 0) AS total FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
      [callId],
    );
    expect({ n: awarded[0].n, total: Number(awarded[0].total) }).toEqual({ n: 2, total: 14_000_000 });
    await expectStatusesFollowAudit(dossiers.map((d) => d.id));
  });

  it('24 approvals of one proposal at once: one decision, one set of decided dossiers and mails', async () => {
    const { callId, dossiers } = await assessedCall(api, admins[0], [70_000, 50_000], [5, 4], 20_000_000);
    await sendProposal(admins[0], callId);
    const results = await race(many(24, 'approve', ministers, (s, i) => approve(s, callId, `MB-TWICE-${i}`)));
    expect(serverErrors(results)).toEqual([]);
    expectOnly(results, { approve: ['200', '409 CALL_DECIDED', '409 PROPOSAL_STATE', '409 CALL_PHASE_FORBIDS'] });
    expect(ok(results)).toHaveLength(1);
    const ids = dossiers.map((d) => d.id);
    const counts = await sql<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_events
        WHERE (entity_id = $1 AND action LIKE 'proposal.%') OR (entity_id = ANY($2) AND action = 'dossier.decided')
        GROUP BY action ORDER BY action`,
      [callId, ids],
    );
    expect(Object.fromEntries(counts.map((c) => [c.action, c.n]))).toEqual({
      'dossier.decided': 2,
      'proposal.approved': 1,
      'proposal.created': 1,
      'proposal.sent': 1,
    });
    const [{ n: mails }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE template = 'dossier.decision'
          AND subject_ref IN (SELECT reference FROM dossiers WHERE id = ANY($1))`,
      [ids],
    );
    expect(mails).toBe(2);
    const winner = ok(results)[0].body as { decisionReference: string };
    const [proposal] = await sql<{ decision_reference: string }>(
      `SELECT decision_reference FROM selection_proposals WHERE call_id = $1 AND status = 'approved'`,
      [callId],
    );
    expect(proposal.decision_reference).toBe(winner.decisionReference);
    await expectStatusesFollowAudit(ids);
  });

  it('the reserve promotion raced by declines: one decision on the promotion, one decline each, within the budget', async () => {
    // Budget EUR 150,000: D0 and D1 awarded (EUR 70,000 each), D2 reserve.
    const { callId, dossiers } = await assessedCall(api, admins[0], [70_000, 70_000, 70_000], [5, 4.5, 4], 15_000_000);
    const [d0, d1, d2] = dossiers;
    await sendProposal(admins[0], callId);
    await approve(ministers[0], callId).expect(200);
    await d0.owner.agent
      .post(`/api/v1/dossiers/${d0.id}/decline`)
      .send({ motivation: 'Het project gaat niet door.' })
      .expect(200);
    const proposed = await admins[0].agent
      .post(`/api/v1/calls/${callId}/reserve-promotions`)
      .send({ dossierId: d2.id, motivation: 'Eerstvolgende op de reservelijst.' })
      .expect(200);
    const promotion = (proposed.body.promotions as Array<{ id: string; status: string }>).find(
      (p) => p.status === 'proposed',
    )!;

    const results = await race(
      interleave(
        many(8, 'confirm', ministers, (s) =>
          s.agent
            .post(`/api/v1/reserve-promotions/${promotion.id}/confirm`)
            .send({ decisionDate: '2026-12-14', decisionReference: 'MB-RESERVE-1214' }),
        ),
        many(4, 'refuse', ministers, (s) =>
          s.agent
            .post(`/api/v1/reserve-promotions/${promotion.id}/refuse`)
            .send({ remarks: 'Eerst de spreiding bekijken.' }),
        ),
        many(8, 'decline awarded', [d1.owner], (s) =>
          s.agent.post(`/api/v1/dossiers/${d1.id}/decline`).send({ motivation: 'Wij zien af.' }),
        ),
        many(4, 'decline promoted', [d2.owner], (s) =>
          s.agent.post(`/api/v1/dossiers/${d2.id}/decline`).send({ motivation: 'Te laat; wij zien af.' }),
        ),
      ),
    );
    expect(serverErrors(results)).toEqual([]);
    expectOnly(results, {
      confirm: ['200', '409 PROMOTION_STATE'],
      refuse: ['200', '409 PROMOTION_STATE'],
      'decline awarded': ['200', '409 NOT_AWARDED'],
      'decline promoted': ['200', '409 NOT_AWARDED'],
    });
    const decided = [...ok(results, 'confirm'), ...ok(results, 'refuse')];
    expect(decided).toHaveLength(1);
    expect(ok(results, 'decline awarded')).toHaveLength(1);
    const confirmed = decided[0].label === 'confirm';
    expect(ok(results, 'decline promoted').length).toBeLessThanOrEqual(confirmed ? 1 : 0);

    const [row] = await sql<{ status: string; granted_cents: string }>(
      'SELECT status, granted_cents FROM reserve_promotions WHERE id = $1',
      [promotion.id],
    );
    expect(row.status).toBe(confirmed ? 'confirmed' : 'refused');
    const statuses = await sql<{ id: string; status: string; granted_cents: string | null }>(
      'SELECT id, status, granted_cents FROM dossiers WHERE call_id = $1',
      [callId],
    );
    const statusOf = (id: string) => statuses.find((s) => s.id === id)!;
    expect(statusOf(d1.id).status).toBe('declined');
    expect(statusOf(d2.id).status).toBe(
      !confirmed ? 'submitted' : ok(results, 'decline promoted').length ? 'declined' : 'awarded',
    );
    if (confirmed) expect(Number(statusOf(d2.id).granted_cents)).toBe(Number(row.granted_cents));
    const awardedTotal = statuses
      .filter((s) => s.status === 'awarded')
      .reduce((sum, s) => sum + Number(s.granted_cents), 0);
    expect(awardedTotal).toBeLessThanOrEqual(15_000_000);

    const promotionEvents = await sql<{ action: string; after: { status: string; promotionId: string } }>(
      `SELECT action, after FROM audit_events WHERE action IN ('reserve.confirmed', 'reserve.refused') AND entity_id = $1`,
      [callId],
    );
    expect(promotionEvents.map((e) => [e.action, e.after.promotionId, e.after.status])).toEqual([
      [confirmed ? 'reserve.confirmed' : 'reserve.refused', promotion.id, row.status],
    ]);
    const declines = await sql<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM audit_events WHERE action = 'dossier.declined' AND entity_id = ANY($1) GROUP BY 1`,
      [[d1.id, d2.id]],
    );
    expect(Object.fromEntries(declines.map((d) => [d.entity_id, d.n]))).toEqual({
      [d1.id]: 1,
      ...(ok(results, 'decline promoted').length ? { [d2.id]: 1 } : {}),
    });
    await expectStatusesFollowAudit(dossiers.map((d) => d.id));
  });
});
