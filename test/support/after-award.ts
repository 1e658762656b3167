import type { ReportView } from '@portal/contracts';
import type { BuiltDossier } from './lifecycle';
import type { Session } from './test-app';

/**
 * Steps after the minister's decision, shared by the payment, report and settlement tests: accept the award, pay what
 * is due through a batch with four eyes, set up reporting, submit a report and approve it.
 */
export const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

/** Accepts the award of a dossier with the conditions as shown (the response, not yet checked). */
export async function acceptAward(dossier: BuiltDossier, iban = 'BE68 5390 0754 7034') {
  const shown = await dossier.owner.agent.get(`/api/v1/dossiers/${dossier.id}/acceptance`).expect(200);
  return dossier.owner.agent
    .post(`/api/v1/dossiers/${dossier.id}/acceptance`)
    .send({ decision: 'accepted', conditionsSha256: shown.body.conditionsSha256, iban });
}

/**
 * Pays every due tranche of the call: `compiler` compiles a batch, `approver` (another admin) approves it and marks it
 * paid. Returns the batch as approved, with its items.
 */
export async function payDue(
  compiler: Session,
  approver: Session,
  callId: string,
  executionDate = '2026-12-04',
): Promise<{
  id: string;
  totalCents: number;
  items: Array<{ dossierId: string; tranchePosition: number; amountCents: number }>;
}> {
  const created = await compiler.agent.post(`/api/v1/calls/${callId}/payment-batches`).expect(201);
  const id = created.body.id as string;
  await approver.agent.post(`/api/v1/payment-batches/${id}/approve`).expect(200);
  await approver.agent.post(`/api/v1/payment-batches/${id}/paid`).send({ executionDate }).expect(200);
  return created.body;
}

/** Reporting for the call: a final report (and an interim one when asked), with no indicators. */
export async function setUpReporting(admin: Session, callId: string, interimRequired = false): Promise<void> {
  await admin.agent
    .put(`/api/v1/calls/${callId}/report-settings`)
    .send({
      interimRequired,
      interimDueAt: interimRequired ? inDays(20) : null,
      finalDueAt: inDays(60),
      indicators: [],
    })
    .expect(200);
}

/** The organisation fills in a report with these cost lines and submits it. */
export async function submitReport(
  dossier: BuiltDossier,
  costLines: Array<{ description: string; category: string; amountCents: number }>,
  kind: 'interim' | 'final' = 'final',
): Promise<ReportView> {
  const path = `/api/v1/dossiers/${dossier.id}/reports/${kind}`;
  const current = (await dossier.owner.agent.get(path).expect(200)).body as ReportView;
  await dossier.owner.agent
    .put(path)
    .set('If-Match', String(current.version))
    .send({ narrative: 'Twaalf buurtactiviteiten met 140 kinderen en jongeren uit drie wijken.', costLines })
    .expect(200);
  return (await dossier.owner.agent.post(`${path}/submit`).send({ declaration: true }).expect(200)).body as ReportView;
}

export function approveReport(admin: Session, reportId: string, acceptedTotalCents?: number) {
  return admin.agent
    .post(`/api/v1/reports/${reportId}/approve`)
    .send(acceptedTotalCents === undefined ? {} : { acceptedTotalCents });
}
