import { AuditEventEntity } from '@portal/server';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import { applicantWithOrganisation, closeCallOnTime, completeDossier, createCall, createUser } from './factories';
import { session, type Session, type TestApi } from './test-app';

export const CRITERIA = referenceCall().criteria; // TARGET w3 thr3, CONNECT w3 thr3, FEASIBLE w2 thr2.5, PARTNERS w1 thr0, BUDGET w1 thr2

export type Owner = Session & { applicantId: string };
export interface BuiltDossier {
  id: string;
  owner: Owner;
  version: number;
}

/** A reviewer's scores, all criteria at one level (with a comment where the level is below a threshold). */
export function scoresFor(level: number): Array<{ criterionCode: string; score: number; comment: string | null }> {
  return CRITERIA.map((c) => ({
    criterionCode: c.code,
    score: level,
    comment: level < c.threshold ? `Onder de drempel (${level}): te weinig uitgewerkt.` : null,
  }));
}

export function consensusFor(level: number): Array<{ criterionCode: string; score: number; motivation: string }> {
  return CRITERIA.map((c) => ({ criterionCode: c.code, score: level, motivation: 'Consensus na de vergadering.' }));
}

/** A published, open call with one submitted dossier per amount (in euro), each of its own organisation. */
export async function callWithSubmittedDossiers(
  api: TestApi,
  amounts: number[],
  budgetCents: number,
): Promise<{ callId: string; dossiers: BuiltDossier[] }> {
  const call = await createCall(api, { overrides: { criteria: CRITERIA, budgetCents, maxRequestedCents: 10_000_000 } });
  const dossiers: BuiltDossier[] = [];
  for (const euros of amounts) {
    const owner = await applicantWithOrganisation(api);
    const { id, version } = await completeDossier(api, owner, call.id);
    const saved = await owner.agent
      .patch(`/api/v1/dossiers/${id}`)
      .set('If-Match', String(version))
      .send({ requestedCents: euros * 100 })
      .expect(200);
    await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    dossiers.push({ id, owner, version: saved.body.version as number });
  }
  return { callId: call.id, dossiers };
}

/** Admissible, and a consensus at the given level for each dossier (the call must be closed). */
export async function admitWithConsensus(admin: Session, dossiers: BuiltDossier[], levels: number[]): Promise<void> {
  for (const [i, dossier] of dossiers.entries()) {
    await admin.agent
      .post(`/api/v1/dossiers/${dossier.id}/admissibility`)
      .send({ decision: 'admissible', motivation: 'In orde.' })
      .expect(200);
    await admin.agent
      .put(`/api/v1/dossiers/${dossier.id}/consensus`)
      .send({ scores: consensusFor(levels[i]) })
      .expect(204);
  }
}

/** Submitted, closed on time, admissible, with a consensus: ready for a proposal. */
export async function assessedCall(
  api: TestApi,
  admin: Session,
  amounts: number[],
  levels: number[],
  budgetCents: number,
): Promise<{ callId: string; dossiers: BuiltDossier[] }> {
  const built = await callWithSubmittedDossiers(api, amounts, budgetCents);
  await closeCallOnTime(api, built.callId);
  await admitWithConsensus(admin, built.dossiers, levels);
  return built;
}

/** Computes a proposal (skip rule) and sends it to the minister. */
export async function sendProposal(admin: Session, callId: string): Promise<void> {
  await admin.agent.post(`/api/v1/calls/${callId}/proposal`).send({ marginRule: 'skip' }).expect(201);
  await admin.agent.post(`/api/v1/calls/${callId}/proposal/send`).expect(200);
}

export function approve(minister: Session, callId: string, reference = 'MB-2026-TEST-0001') {
  return minister.agent
    .post(`/api/v1/calls/${callId}/proposal/approve`)
    .send({ decisionDate: '2026-11-30', decisionReference: reference });
}

/** Fresh reviewers (the only reviewers of a call when the assignment is restricted to them is up to the API). */
export async function reviewers(api: TestApi, count: number): Promise<Session[]> {
  const out: Session[] = [];
  for (let i = 0; i < count; i++) out.push(await session(api, await createUser(api, ['reviewer'])));
  return out;
}

/** The reviewer states having no conflict of interest with the applicant: required before any score (ADR 0013). */
export async function stateNoConflict(reviewer: Session, assignmentId: string): Promise<void> {
  await reviewer.agent.post(`/api/v1/assignments/${assignmentId}/no-conflict`).expect(200);
}

/** The error a raw statement got from the database: its SQLSTATE and message (the lifecycle code). */
export async function databaseError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const driver = (error as { driverError?: { code?: string; message?: string } }).driverError ?? error;
    const { code, message } = driver as { code?: string; message?: string };
    return { code: code ?? '', message: message ?? '' };
  }
  throw new Error('the statement was not refused');
}

export async function auditEvents(api: TestApi, where: { action?: string; entityId?: string }) {
  return api.dataSource.getRepository(AuditEventEntity).find({ where, order: { occurredAt: 'ASC' } });
}

/**
 * The status a dossier ends in according to its audit trail: the events are chained from the initial status
 * (each event's `before.status` is the status the previous one left), whatever order their timestamps have.
 * Throws when the chain does not consume every event exactly once.
 */
export function chainEnd(initial: string, events: Array<{ before: unknown; after: unknown; action: string }>): string {
  let status = initial;
  const left = [...events];
  while (left.length) {
    const statusOf = (value: unknown) => (value as { status?: string } | null)?.status;
    // Events that leave the status as it is (an admissibility decision on a submitted dossier) come before the one
    // that moves it on: otherwise the order rows come back in could break a chain that is whole.
    const staying = left.findIndex((e) => statusOf(e.before) === status && statusOf(e.after) === status);
    const next = staying >= 0 ? staying : left.findIndex((e) => statusOf(e.before) === status);
    if (next < 0)
      throw new Error(`audit chain broken at ${status}: ${JSON.stringify(left.map((e) => [e.action, e.before]))}`);
    status = (left[next].after as { status: string }).status;
    left.splice(next, 1);
  }
  return status;
}
