/**
 * The scale call of test/support/scale-fixture.ts (300 submitted dossiers, 12 reviewers) taken through the API to the
 * state in which the assessment page is busiest: all admissible (one bulk decision), 900 assignments, the reviews in
 * (but 15 of the demo reviewer's 75 still to do, so 60 done: more than one page), no proposal yet. For the web benchmark and the paging browser test.
 */
import { CRITERIA, eachLimited, PER_DOSSIER, seedScaleCall, type ScaleFixture } from './scale-fixture';
import { stateNoConflict } from './lifecycle';
import { DEMO } from './test-app';

/** Of the demo reviewer's 75 assignments this many stay to do, so "my reviews" shows both groups. */
export const LEFT_OPEN = 15;

export interface ScaleCall {
  fixture: ScaleFixture;
  callId: string;
}

/** The scale call after admissibility (one bulk decision), automatic assignment and the reviews. */
export async function seedAssessedScaleCall(overrides: Record<string, string>): Promise<ScaleCall> {
  const started = Date.now();
  const fixture = await seedScaleCall(overrides);
  const { admin, reviewers, callId, bySeq, seqOf } = fixture;
  await admin.agent
    .post(`/api/v1/calls/${callId}/admissibility`)
    .send({ decision: 'admissible', motivation: 'Tijdig, volledig en de aanvrager komt in aanmerking.' })
    .expect(200);
  const assigned = (
    await admin.agent.post(`/api/v1/calls/${callId}/assignments`).send({ perDossier: PER_DOSSIER }).expect(200)
  ).body as Array<{ id: string; dossierId: string; reviewerId: string }>;
  const slotOf = new Map<string, number>();
  const perDossier = new Map<string, string[]>();
  for (const a of assigned) perDossier.set(a.dossierId, [...(perDossier.get(a.dossierId) ?? []), a.id]);
  for (const list of perDossier.values()) list.sort().forEach((id, slot) => slotOf.set(id, slot));
  const dossierOf = new Map(assigned.map((a) => [a.id, a.dossierId]));

  // The fixture's reviewer sessions are in the order of their e-mail addresses.
  const emails = (
    await fixture.api.dataSource.query<Array<{ email: string }>>(
      `SELECT email FROM users WHERE 'reviewer' = ANY(roles) ORDER BY email`,
    )
  ).map((row) => row.email);
  const jobs: Array<{ reviewer: (typeof reviewers)[number]; assignmentId: string }> = [];
  for (const [index, reviewer] of reviewers.entries()) {
    const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{ id: string }>;
    const open = emails[index] === DEMO.reviewer ? LEFT_OPEN : 0;
    for (const a of mine.slice(open)) jobs.push({ reviewer, assignmentId: a.id });
  }
  await eachLimited(jobs, 6, async ({ reviewer, assignmentId }) => {
    const vector = bySeq.get(seqOf.get(dossierOf.get(assignmentId)!)!)!.reviews[slotOf.get(assignmentId)!];
    const scores = CRITERIA.map((c, k) => ({
      criterionCode: c.code,
      score: vector[k],
      comment: vector[k] < c.threshold ? `Onder de drempel (${vector[k]}): te weinig uitgewerkt.` : null,
    }));
    await stateNoConflict(reviewer, assignmentId);
    await reviewer.agent.put(`/api/v1/assignments/${assignmentId}/scores`).send({ scores, submit: true }).expect(200);
  });
  console.log(
    `seed        scale call: ${seqOf.size} dossiers, ${assigned.length} assignments, ${jobs.length} reviews ` +
      `submitted (${LEFT_OPEN} of ${DEMO.reviewer} left to do) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { fixture, callId };
}
