import type { CallView } from '@portal/contracts';
import { callPhase, isCallOpen } from '@portal/domain';
import type { CallEntity } from '@portal/server';

export function toCallView(call: CallEntity, now: Date, dossierCount?: number): CallView {
  return {
    id: call.id,
    code: call.code,
    kind: call.kind === 'catalogue' ? 'catalogue' : 'project',
    title: call.title,
    description: call.description,
    status: call.status,
    version: call.version,
    applicantKinds: call.applicantKinds,
    policyDomains: call.policyDomains,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    maxRequestedCents: call.maxRequestedCents,
    budgetCents: call.budgetCents,
    projectStart: call.projectStart,
    projectEnd: call.projectEnd,
    oneDossierPerApplicant: call.oneDossierPerApplicant,
    attachments: call.attachments,
    questions: call.questions,
    criteria: call.criteria,
    tieBreak: call.tieBreak,
    information: call.information,
    reminderOffsetsMinutes: call.reminderOffsetsMinutes,
    publishedAt: call.publishedAt?.toISOString() ?? null,
    isOpen: isCallOpen(call, now),
    phase: callPhase(call, now),
    serverTime: now.toISOString(),
    ...(dossierCount === undefined ? {} : { dossierCount }),
  };
}
