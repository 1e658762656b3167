import type { AllocationSubscriberView, CatalogueAllocationView } from '@portal/contracts';
import type { Catalogue } from '@portal/domain';
import type { CallEntity, CatalogueAllocationEntity } from '@portal/server';

export function actionTexts(catalogue: Catalogue): Map<string, string> {
  return new Map(catalogue.objectives.flatMap((o) => o.actions.map((a) => [a.code, a.text] as const)));
}

/** One local government's part of an allocation: what it asked, what it was granted, and why, per action. */
export function subscriberView(
  allocation: CatalogueAllocationEntity,
  dossierId: string,
  texts: ReadonlyMap<string, string>,
): AllocationSubscriberView | null {
  const subscriber = allocation.subscribers.find((s) => s.dossierId === dossierId);
  if (!subscriber) return null;
  const explanation = allocation.result.explanations.find((e) => e.subscriberId === dossierId);
  const grants = allocation.result.grants
    .filter((g) => g.subscriberId === dossierId)
    .sort((a, b) => a.priority - b.priority);
  return {
    dossierId,
    reference: subscriber.reference,
    legalName: subscriber.legalName,
    nisCode: subscriber.nisCode,
    askedCents: grants.reduce((sum, g) => sum + g.askedCents, 0),
    grantedCents: grants.reduce((sum, g) => sum + g.grantedCents, 0),
    ownContributionCents: subscriber.ownContributionCents,
    summary: explanation?.summary ?? { nl: '', en: '' },
    lines: grants.map((grant) => ({
      actionCode: grant.actionCode,
      actionText: texts.get(grant.actionCode) ?? grant.actionCode,
      priority: grant.priority,
      askedCents: grant.askedCents,
      cappedCents: grant.cappedCents,
      grantedCents: grant.grantedCents,
      reason: grant.reason,
      text: explanation?.lines.find((l) => l.actionCode === grant.actionCode)?.text ?? { nl: '', en: '' },
    })),
  };
}

export function allocationView(
  call: CallEntity,
  allocation: CatalogueAllocationEntity,
  catalogue: Catalogue,
): CatalogueAllocationView {
  const texts = actionTexts(catalogue);
  const { result } = allocation;
  return {
    id: allocation.id,
    callId: call.id,
    callCode: call.code,
    callTitle: call.title,
    status: allocation.status,
    budgetCents: allocation.budgetCents,
    totalAskedCents: result.totalAskedCents,
    grantedCents: allocation.grantedCents,
    remainderCents: result.remainderCents,
    marginalRound: result.marginalRound,
    shareRatio: result.shareRatio,
    rounds: result.rounds,
    actionCaps: result.actionCaps.map(({ actionCode, budgetCents, askedCents, cappedCents, remainderCents }) => ({
      actionCode,
      budgetCents,
      askedCents,
      cappedCents,
      remainderCents,
    })),
    subscribers: allocation.subscribers
      .map((s) => subscriberView(allocation, s.dossierId, texts))
      .filter((s): s is AllocationSubscriberView => s !== null),
    remarks: allocation.remarks,
    decisionDate: allocation.decisionDate,
    decisionReference: allocation.decisionReference,
    approvedAt: allocation.approvedAt?.toISOString() ?? null,
    createdAt: allocation.createdAt.toISOString(),
  };
}
