import { DossierEntity, NotificationEntity, SelectionProposalEntity } from '@portal/server';
import { stateNoConflict } from '../support/lifecycle';
import { session, type Session, type TestApi } from '../support/test-app';

/**
 * Issue #4 at the scale of the real call: the Connecteren call of 2020 (budget EUR 2,125,000, at most EUR 100,000 per
 * dossier) with 300 submitted dossiers, each scored by 3 of 12 reviewers. Two dossiers are submitted through the real
 * API; the other 298 are written straight into the database exactly as a submit writes them (cloned from the shape of
 * the real ones), so the setup stays fast. Everything of the assessment itself goes through the HTTP API. The expected ranking,
 * selection and totals are computed here, independently of the domain library.
 * The fixture (plan, SQL-written dossiers, independent expectations) is test/support/scale-fixture.ts. The tests are
 * one scenario: each step of the assessment builds on the one before, as on a real call.
 */

import {
  BUDGET_CENTS,
  compare,
  consensusPlan,
  CRITERIA,
  decider,
  DOSSIERS,
  eachLimited,
  euroToCents,
  expectations,
  type Expected,
  meanScores,
  parseCsv,
  PER_DOSSIER,
  plan,
  REFERENCE,
  REVIEWERS,
  seedScaleCall,
  selectionWalk,
  withinBudgetPrefix,
} from '../support/scale-fixture';
describe('assessment at the scale of the Connecteren call: 300 dossiers, 3 reviewers each, EUR 2,125,000', () => {
  const planned = plan();
  const bySeq = new Map(planned.map((p) => [p.seq, p]));
  let api: TestApi;
  let admin: Session;
  let minister: Session;
  let reviewers: Session[] = [];
  let callId: string;
  let opensAt: Date;
  /** seq -> dossier id and reference */
  let ids = new Map<number, { id: string; reference: string; ownerEmail: string }>();
  let seqOf = new Map<string, number>();
  /** Consensus the administration sets after the reviews: seq -> criterion -> score. */
  const consensus = new Map<number, Record<string, number>>();
  let expectedRanking: Expected[] = [];

  const at = (afterMs: number) => new Date(opensAt.getTime() + afterMs);

  beforeAll(async () => {
    ({ api, admin, minister, reviewers, callId, opensAt, ids, seqOf } = await seedScaleCall());
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('runs on the real figures of the call, with realistic requests under EUR 100,000', () => {
    expect(REFERENCE.budgetCents).toBe(BUDGET_CENTS);
    expect(REFERENCE.maxRequestedCents).toBe(10_000_000);
    const amounts = planned.map((p) => p.final.requestedCents);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(1_500_000);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(9_999_999);
    expect(amounts.some((a) => a % 100 !== 0)).toBe(true);
    // Far more is asked than there is: the ranking decides.
    expect(amounts.reduce((sum, a) => sum + a, 0)).toBeGreaterThan(4 * BUDGET_CENTS);
  });

  it('stores the SQL-written dossiers exactly as a real submit does: every automatic admissibility check passes', async () => {
    const [real, cloned, resubmitted] = await api.dataSource.query<Array<Record<string, unknown>>>(
      'SELECT * FROM dossiers WHERE id = ANY($1::uuid[]) ORDER BY reference',
      [[ids.get(1)!.id, ids.get(3)!.id, ids.get(5)!.id]],
    );
    const nulls = (row: Record<string, unknown>) =>
      Object.keys(row)
        .filter((key) => row[key] === null)
        .sort();
    expect(nulls(cloned)).toEqual(nulls(real));
    expect(nulls(resubmitted)).toEqual(nulls(real));
    const contents = await api.dataSource.query<Array<{ content: Record<string, unknown> }>>(
      'SELECT content FROM dossier_submissions WHERE dossier_id = ANY($1::uuid[]) ORDER BY reference, number',
      [[ids.get(1)!.id, ids.get(3)!.id]],
    );
    expect(Object.keys(contents[1].content).sort()).toEqual(Object.keys(contents[0].content).sort());

    // The owner of a resubmitted SQL dossier sees it as any submitted dossier: no unsubmitted changes, two submissions.
    const owner = await session(api, ids.get(5)!.ownerEmail);
    const view = await owner.agent.get(`/api/v1/dossiers/${ids.get(5)!.id}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'submitted',
      reference: ids.get(5)!.reference,
      submissionCount: 2,
      hasUnsubmittedChanges: false,
      requestedCents: bySeq.get(5)!.final.requestedCents,
    });
    expect(view.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'dossier.created',
      'dossier.submitted',
      'dossier.submitted',
    ]);

    const list = await admin.agent.get(`/api/v1/calls/${callId}/admissibility`).expect(200);
    expect(list.body).toHaveLength(DOSSIERS);
    for (const row of list.body as Array<{
      dossierId: string;
      requestedCents: number;
      checks: Array<{ code: string; passed: boolean }>;
    }>) {
      expect(row.checks.filter((check) => !check.passed)).toEqual([]);
      // The last submitted version counts: a resubmission lowered the request.
      expect(row.requestedCents).toBe(bySeq.get(seqOf.get(row.dossierId)!)!.final.requestedCents);
    }
  });

  it('records 300 motivated admissibility decisions through the API', async () => {
    await eachLimited([...ids.values()], 4, async ({ id }) => {
      const decided = await admin.agent
        .post(`/api/v1/dossiers/${id}/admissibility`)
        .send({ decision: 'admissible', motivation: 'Tijdig, volledig en de aanvrager komt in aanmerking.' })
        .expect(200);
      expect(decided.body).toMatchObject({ dossierId: id, decision: 'admissible' });
    });
    const [{ count }] = await api.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM admissibility_decisions a JOIN dossiers d ON d.id = a.dossier_id
        WHERE d.call_id = $1 AND a.decision = 'admissible'`,
      [callId],
    );
    expect(Number(count)).toBe(DOSSIERS);
    // Slow by the API's design, not by the test: each decision re-reads every submitted dossier of the call.
  }, 180_000);

  const reviewOf = new Map<string, { seq: number; slot: number }>();

  it('assigns 3 different reviewers to every dossier, 900 assignments spread evenly over 12 reviewers', async () => {
    const assigned = await admin.agent
      .post(`/api/v1/calls/${callId}/assignments`)
      .send({ perDossier: PER_DOSSIER })
      .expect(200);
    const rows = assigned.body as Array<{ id: string; dossierId: string; reviewerId: string; status: string }>;
    expect(rows).toHaveLength(DOSSIERS * PER_DOSSIER);
    expect(rows.every((a) => a.status === 'assigned')).toBe(true);
    const perDossier = new Map<string, typeof rows>();
    for (const a of rows) perDossier.set(a.dossierId, [...(perDossier.get(a.dossierId) ?? []), a]);
    expect(perDossier.size).toBe(DOSSIERS);
    for (const [dossierId, list] of perDossier) {
      expect(new Set(list.map((a) => a.reviewerId)).size).toBe(PER_DOSSIER);
      // Which reviewer gets which planned score vector does not matter: the mean is over all three.
      [...list]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .forEach((a, slot) => reviewOf.set(a.id, { seq: seqOf.get(dossierId)!, slot }));
    }
    const load = new Map<string, number>();
    for (const a of rows) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    expect(load.size).toBe(REVIEWERS);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect(Math.min(...load.values())).toBe((DOSSIERS * PER_DOSSIER) / REVIEWERS);
  }, 60_000);

  it('lets every reviewer score every assignment in half points, with a comment under a threshold', async () => {
    const jobs: Array<{ reviewer: Session; assignmentId: string }> = [];
    for (const reviewer of reviewers) {
      const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{
        id: string;
        status: string;
      }>;
      expect(mine.length).toBe((DOSSIERS * PER_DOSSIER) / REVIEWERS);
      for (const a of mine) jobs.push({ reviewer, assignmentId: a.id });
    }
    expect(jobs).toHaveLength(DOSSIERS * PER_DOSSIER);
    await eachLimited(jobs, 6, async ({ reviewer, assignmentId }) => {
      const { seq, slot } = reviewOf.get(assignmentId)!;
      const vector = bySeq.get(seq)!.reviews[slot];
      const scores = CRITERIA.map((c, k) => ({
        criterionCode: c.code,
        score: vector[k],
        comment: vector[k] < c.threshold ? `Onder de drempel (${vector[k]}): te weinig uitgewerkt.` : null,
      }));
      await stateNoConflict(reviewer, assignmentId);
      const saved = await reviewer.agent
        .put(`/api/v1/assignments/${assignmentId}/scores`)
        .send({ scores, submit: true })
        .expect(200);
      expect(saved.body.status).toBe('submitted');
    });
    const [{ open }] = await api.dataSource.query<Array<{ open: string }>>(
      `SELECT count(*) AS open FROM review_assignments a JOIN dossiers d ON d.id = a.dossier_id
        WHERE d.call_id = $1 AND a.status <> 'submitted'`,
      [callId],
    );
    expect(Number(open)).toBe(0);
  }, 240_000);

  it('takes the mean of the 3 reviews rounded to the nearest half point, unless the administration set a consensus', async () => {
    for (const [seq, scores] of consensusPlan(planned)) {
      consensus.set(seq, scores);
      await admin.agent
        .put(`/api/v1/dossiers/${ids.get(seq)!.id}/consensus`)
        .send({
          scores: Object.entries(scores).map(([criterionCode, score]) => ({
            criterionCode,
            score,
            motivation: 'Consensus na de bespreking in de beoordelingscommissie.',
          })),
        })
        .expect(204);
    }

    const overview = await admin.agent.get(`/api/v1/calls/${callId}/scores`).expect(200);
    expect(overview.body).toHaveLength(DOSSIERS);
    for (const row of overview.body as Array<{
      dossierId: string;
      mean: Record<string, number>;
      effective: Record<string, number>;
      reviewers: unknown[];
    }>) {
      const seq = seqOf.get(row.dossierId)!;
      const mean = meanScores(bySeq.get(seq)!);
      expect(row.reviewers).toHaveLength(PER_DOSSIER);
      expect(row.mean).toEqual(mean);
      expect(row.effective).toEqual({ ...mean, ...consensus.get(seq) });
    }

    expectedRanking = expectations(planned, consensus, (p) => ({
      dossierId: ids.get(p.seq)!.id,
      reference: ids.get(p.seq)!.reference,
      submittedAtMs: at(p.finalSubmittedAfterMs).getTime(),
    }));
    const [lifted, dropped] = [...consensus.keys()].map((seq) =>
      expectedRanking.find((e) => e.dossierId === ids.get(seq)!.id),
    );
    expect(lifted).toMatchObject({ sufficient: true });
    expect(dropped).toMatchObject({ sufficient: false });
  }, 60_000);

  it('ranks by weighted total with insufficient dossiers last, ties broken by the call rule, the same on every read', async () => {
    const expected = [...expectedRanking].sort(compare);
    const first = await minister.agent.get(`/api/v1/calls/${callId}/ranking`).expect(200);
    const second = await admin.agent.get(`/api/v1/calls/${callId}/ranking`).expect(200);
    type Row = {
      rank: number;
      dossierId: string;
      reference: string;
      requestedCents: number;
      total: number;
      scores: Record<string, number>;
      sufficient: boolean;
      failingCriteria: string[];
      tieBrokenBy: string | null;
    };
    const rows = first.body as Row[];
    expect((second.body as Row[]).map((r) => r.dossierId)).toEqual(rows.map((r) => r.dossierId));
    expect(rows.map((r) => r.reference)).toEqual(expected.map((e) => e.reference));
    rows.forEach((row, index) => {
      const e = expected[index];
      expect(row).toMatchObject({
        rank: index + 1,
        dossierId: e.dossierId,
        requestedCents: e.requestedCents,
        total: e.total,
        scores: e.effective,
        sufficient: e.sufficient,
        failingCriteria: e.failing,
      });
      const decidedBy = index === 0 ? null : decider(expected[index - 1], e);
      expect(row.tieBrokenBy).toBe(decidedBy === 'group' || decidedBy === 'total' ? null : decidedBy);
    });
    // Insufficient dossiers come after every sufficient one, even those with a higher total.
    const firstInsufficient = rows.findIndex((r) => !r.sufficient);
    expect(rows.slice(firstInsufficient).every((r) => !r.sufficient)).toBe(true);
    const lowestSufficient = Math.min(...rows.filter((r) => r.sufficient).map((r) => r.total));
    expect(Math.max(...rows.filter((r) => !r.sufficient).map((r) => r.total))).toBeGreaterThan(lowestSufficient);
    // The data exercises the tie-break rule, not only the totals.
    expect(rows.some((r) => r.tieBrokenBy === 'criteria-in-order')).toBe(true);
    expect(rows.some((r) => r.tieBrokenBy === 'earlier-submission')).toBe(true);
  }, 60_000);

  it('selects the top of the ranking within EUR 2,125,000 (skip rule), and the minister approves it to the cent', async () => {
    const ranked = [...expectedRanking].sort(compare);
    const walk = selectionWalk(ranked, BUDGET_CENTS);
    const selected = walk.filter((w) => w.outcome === 'selected');
    const expectedTotal = selected.reduce((sum, w) => sum + w.grantedCents, 0);
    expect(expectedTotal).toBeLessThanOrEqual(BUDGET_CENTS);
    // The longest prefix of sufficient dossiers within the budget is funded; after it, the skip rule funds later
    // (smaller) dossiers that still fit: the data has both.
    const prefix = withinBudgetPrefix(ranked, BUDGET_CENTS);
    expect(selected.slice(0, prefix.length).map((w) => w.dossierId)).toEqual(prefix.map((e) => e.dossierId));
    expect(selected.length).toBeGreaterThan(prefix.length);

    const proposed = await admin.agent
      .post(`/api/v1/calls/${callId}/proposal`)
      .send({ marginRule: 'skip' })
      .expect(201);
    expect(proposed.body).toMatchObject({
      status: 'draft',
      budgetCents: BUDGET_CENTS,
      grantedCents: expectedTotal,
      remainingCents: BUDGET_CENTS - expectedTotal,
    });
    expect(
      (
        proposed.body.lines as Array<{
          dossierId: string;
          rank: number;
          outcome: string;
          grantedCents: number;
          reason: string;
          reservePosition: number | null;
        }>
      ).map(({ dossierId, rank, outcome, grantedCents, reason, reservePosition }) => ({
        dossierId,
        rank,
        outcome,
        grantedCents,
        reason,
        reservePosition,
      })),
    ).toEqual(
      walk.map((w, index) => ({
        dossierId: w.dossierId,
        rank: index + 1,
        outcome: w.outcome,
        grantedCents: w.grantedCents,
        reason: w.reason,
        reservePosition: w.reservePosition,
      })),
    );

    await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(200);
    const approved = await minister.agent
      .post(`/api/v1/calls/${callId}/proposal/approve`)
      .send({ decisionDate: '2026-06-08', decisionReference: 'MB-2026-CJM-0608' })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', grantedCents: expectedTotal });

    // In the database: exactly the walk's dossiers are awarded, each its full request, together the expected total.
    const rows = await api.dataSource.getRepository(DossierEntity).find({ where: { callId } });
    expect(rows).toHaveLength(DOSSIERS);
    const byId = new Map(rows.map((d) => [d.id, d]));
    const awarded = rows.filter((d) => d.status === 'awarded');
    expect(awarded.map((d) => d.id).sort()).toEqual(selected.map((w) => w.dossierId).sort());
    expect(awarded).toHaveLength(59); // as on 8 June 2020: the seeded data are chosen so
    for (const w of walk) {
      const row = byId.get(w.dossierId)!;
      if (w.outcome === 'selected') expect([row.status, row.grantedCents]).toEqual(['awarded', w.requestedCents]);
      else if (w.outcome === 'rejected') expect([row.status, row.grantedCents]).toEqual(['rejected', 0]);
      else expect([row.status, row.grantedCents]).toEqual(['submitted', null]);
    }
    const [{ total, count }] = await api.dataSource.query<Array<{ total: string; count: string }>>(
      `SELECT sum(granted_cents) AS total, count(*) AS count FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
      [callId],
    );
    expect(Number(total)).toBe(expectedTotal);
    expect(Number(count)).toBe(selected.length);
    expect(Number(total)).toBeLessThanOrEqual(BUDGET_CENTS);
    const stored = await api.dataSource
      .getRepository(SelectionProposalEntity)
      .findOneByOrFail({ callId, status: 'approved' });
    expect(stored.grantedCents).toBe(expectedTotal);
    // Every applicant hears the decision, those on the reserve list included.
    expect(await api.dataSource.getRepository(NotificationEntity).countBy({ template: 'dossier.decision' })).toBe(
      DOSSIERS,
    );

    // The export the cabinet reads adds up to the same cent.
    const csv = await minister.agent.get(`/api/v1/calls/${callId}/proposal/export?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...lines] = parseCsv(csv.text);
    expect(lines).toHaveLength(DOSSIERS);
    const column = (name: string) => header.indexOf(name);
    const exported = lines.map((cells) => ({
      rank: Number(cells[column('Rang')]),
      reference: cells[column('Dossiernummer')],
      requestedCents: euroToCents(cells[column('Gevraagd')]),
      grantedCents: euroToCents(cells[column('Toegekend')]),
      outcome: cells[column('Uitkomst')],
    }));
    expect(exported).toEqual(
      walk.map((w, index) => ({
        rank: index + 1,
        reference: w.reference,
        requestedCents: w.requestedCents,
        grantedCents: w.grantedCents,
        outcome: { selected: 'Geselecteerd', reserve: 'Reserve', rejected: 'Niet geselecteerd' }[w.outcome],
      })),
    );
    expect(exported.filter((l) => l.outcome === 'Geselecteerd').reduce((sum, l) => sum + l.grantedCents, 0)).toBe(
      expectedTotal,
    );
  }, 90_000);
});
