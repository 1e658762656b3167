import { type SubscriptionInput } from '@portal/contracts';
import { catalogueFromJson, type Catalogue } from '@portal/domain';
import { CallEntity } from '@portal/server';
import planSamenleven from '../../apps/api/src/seed/calls/plan-samenleven.json';
import { applicantWithOrganisation, createCall } from './factories';
import type { Session, TestApi } from './test-app';

export { planSamenleven };

/** The real 2022 catalogue as the API stores it (codes and cents). */
export function realCatalogue(): Catalogue {
  const parsed = catalogueFromJson(planSamenleven);
  if (!parsed.ok) throw new Error('plan-samenleven.json does not parse');
  return parsed.catalogue;
}

const usedNis = new Set<string>();

/** A fresh 5-digit NIS code, unique within this test process. */
export function freshNisCode(): string {
  for (;;) {
    const code = String(10000 + Math.floor(Math.random() * 89999));
    if (!usedNis.has(code)) {
      usedNis.add(code);
      return code;
    }
  }
}

/** A logged-in applicant acting for a freshly registered local government. */
export async function localGovernment(
  api: TestApi,
  name = 'Gemeente Test',
): Promise<Session & { applicantId: string; nisCode: string }> {
  const nisCode = freshNisCode();
  const user = await applicantWithOrganisation(api, {
    kind: 'local_government',
    legalName: `${name} ${nisCode}`,
    enterpriseNumber: undefined,
    nisCode,
    policyDomains: ['Integratie'],
  });
  return { ...user, nisCode };
}

/** A published catalogue call (the real catalogue unless told otherwise), open by the database clock by default. */
export function createCatalogueCall(
  api: TestApi,
  options: { closesIn?: string; opensIn?: string; budgetCents?: number; catalogue?: Catalogue } = {},
): Promise<CallEntity> {
  const catalogue = options.catalogue ?? realCatalogue();
  const maxCents = catalogue.objectives
    .flatMap((o) => o.actions.flatMap((a) => a.rows))
    .reduce((sum, row) => sum + row.maxUnits * row.centsPerUnit, 0);
  const budgetCents = options.budgetCents ?? 300_000_000;
  return createCall(api, {
    closesIn: options.closesIn,
    opensIn: options.opensIn,
    overrides: {
      kind: 'catalogue',
      catalogue,
      applicantKinds: ['local_government'],
      policyDomains: [],
      questions: [],
      attachments: [],
      maxRequestedCents: Math.min(maxCents, budgetCents),
      budgetCents,
      tieBreak: ['earlier-submission'],
    },
  });
}

/** Starts (or reopens) the local government's subscription to the call; returns the dossier id and version. */
export async function startSubscription(
  user: Session & { applicantId: string },
  callId: string,
): Promise<{ id: string; version: number }> {
  const started = await user.agent.post(`/api/v1/calls/${callId}/dossiers`).send({ applicantId: user.applicantId });
  if (started.status !== 201 && started.status !== 200)
    throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
  return { id: started.body.id as string, version: started.body.version as number };
}

/** Gent-like subscription on the real catalogue: 3 actions, EUR 78,000 + 97,500 + 60,000 = EUR 235,500. */
export const THREE_ACTIONS: SubscriptionInput = {
  lines: [
    { rowCode: 'O4.A1.R1', currentReach: 40, plannedExtraReach: 100 },
    { rowCode: 'O4.A1.R2', currentReach: 5, plannedExtraReach: 20 },
    { rowCode: 'O3.A2.R1', currentReach: 0, plannedExtraReach: 150 },
    { rowCode: 'O2.A1.R1', currentReach: 300, plannedExtraReach: 1000 },
  ],
  priorities: { 'O4.A1': 1, 'O3.A2': 2, 'O2.A1': 3 },
  ownContributionCents: 23_550_000,
};
export const THREE_ACTIONS_CENTS = 23_550_000;
