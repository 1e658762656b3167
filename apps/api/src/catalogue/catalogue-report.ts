import type { CatalogueReport, CatalogueReportRow, CatalogueReportSubscriber } from '@portal/contracts';
import { subscriptionTotals, type Catalogue } from '@portal/domain';
import type { CallEntity, CatalogueAllocationEntity } from '@portal/server';
import type { SubmittedSubscription } from './catalogue.repository';

interface Tally {
  participants: Set<string>;
  plannedReach: number;
  askedCents: number;
  grantedCents: number;
}

const tally = (): Tally => ({ participants: new Set(), plannedReach: 0, askedCents: 0, grantedCents: 0 });

/**
 * The figures the administration and the cabinet ask for: per action and per objective the number of local
 * governments taking part, the planned extra reach, the Flemish contribution asked and granted; per local government
 * its subscription and allocation. Built from the last submitted version of each subscription; "granted" comes from
 * the given allocation (null when there is none).
 */
export function catalogueReport(
  call: CallEntity,
  catalogue: Catalogue,
  subscriptions: readonly SubmittedSubscription[],
  allocation: CatalogueAllocationEntity | null,
): CatalogueReport {
  const grants = new Map(
    (allocation?.result.grants ?? []).map((g) => [`${g.subscriberId} ${g.actionCode}`, g.grantedCents]),
  );
  const hasGrants = allocation !== null;
  const rowAction = new Map<string, string>();
  const actionObjective = new Map<string, string>();
  for (const objective of catalogue.objectives) {
    for (const action of objective.actions) {
      actionObjective.set(action.code, objective.code);
      for (const row of action.rows) rowAction.set(row.code, action.code);
    }
  }
  const byAction = new Map<string, Tally>();
  const byObjective = new Map<string, Tally>();
  const all = tally();
  const subscribers: CatalogueReportSubscriber[] = [];

  for (const s of subscriptions) {
    const subscription = { ...s.subscription, ownContributionCents: s.ownContributionCents };
    const totals = subscriptionTotals(catalogue, subscription);
    const reachOf = new Map<string, number>();
    subscription.lines.forEach((line, index) => {
      const actionCode = totals.lines[index].actionCode;
      if (!actionCode || !totals.lines[index].counted) return;
      reachOf.set(actionCode, (reachOf.get(actionCode) ?? 0) + line.plannedExtraReach);
    });
    const actions = totals.actions
      .filter((action) => action.chosen)
      .map((action) => {
        const granted = grants.get(`${s.dossierId} ${action.actionCode}`);
        return {
          actionCode: action.actionCode,
          priority: subscription.priorities[action.actionCode] ?? 0,
          plannedReach: reachOf.get(action.actionCode) ?? 0,
          askedCents: action.contributionCents,
          grantedCents: hasGrants ? (granted ?? 0) : null,
        };
      })
      .sort((a, b) => a.priority - b.priority);
    for (const action of actions) {
      const objectiveCode = actionObjective.get(action.actionCode)!;
      for (const target of [
        byAction.get(action.actionCode) ?? byAction.set(action.actionCode, tally()).get(action.actionCode)!,
        byObjective.get(objectiveCode) ?? byObjective.set(objectiveCode, tally()).get(objectiveCode)!,
        all,
      ]) {
        target.participants.add(s.dossierId);
        target.plannedReach += action.plannedReach;
        target.askedCents += action.askedCents;
        target.grantedCents += action.grantedCents ?? 0;
      }
    }
    subscribers.push({
      dossierId: s.dossierId,
      reference: s.reference,
      legalName: s.legalName,
      nisCode: s.nisCode,
      ownContributionCents: s.ownContributionCents,
      askedCents: totals.totalCents,
      grantedCents: hasGrants ? actions.reduce((sum, a) => sum + (a.grantedCents ?? 0), 0) : null,
      actions,
    });
  }

  const row = (code: string, label: string, objectiveCode: string, t: Tally | undefined): CatalogueReportRow => ({
    code,
    label,
    objectiveCode,
    participants: t?.participants.size ?? 0,
    plannedReach: t?.plannedReach ?? 0,
    askedCents: t?.askedCents ?? 0,
    grantedCents: hasGrants ? (t?.grantedCents ?? 0) : null,
  });
  return {
    callId: call.id,
    callCode: call.code,
    callTitle: call.title,
    budgetCents: call.budgetCents,
    allocationStatus: allocation?.status ?? null,
    subscriptionCount: subscriptions.length,
    actions: catalogue.objectives.flatMap((o) =>
      o.actions.map((a) => row(a.code, a.text, o.code, byAction.get(a.code))),
    ),
    objectives: catalogue.objectives.map((o) => row(o.code, o.name, o.code, byObjective.get(o.code))),
    subscribers,
    totals: {
      participants: all.participants.size,
      plannedReach: all.plannedReach,
      askedCents: all.askedCents,
      grantedCents: hasGrants ? all.grantedCents : null,
    },
  };
}
