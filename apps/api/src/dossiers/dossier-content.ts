import { createHash } from 'node:crypto';
import type { AttachmentView, SubmissionReceipt } from '@portal/contracts';
import { canonicalJson, type DossierCallRules, type DossierContent } from '@portal/domain';
import type { AttachmentEntity, CallEntity, DossierEntity, DossierSubmissionEntity } from '@portal/server';

/** A dossier's content as the rules, the submission hash and the views see it. */
export const EDITABLE_FIELDS = [
  'title',
  'summary',
  'answers',
  'projectStart',
  'projectEnd',
  'budgetLines',
  'ownContributionCents',
  'otherIncomeCents',
  'requestedCents',
] as const;

export function contentOf(dossier: DossierEntity, attachments: AttachmentEntity[]): DossierContent {
  return {
    title: dossier.title,
    summary: dossier.summary,
    answers: dossier.answers,
    projectStart: dossier.projectStart,
    projectEnd: dossier.projectEnd,
    budgetLines: dossier.budgetLines,
    ownContributionCents: dossier.ownContributionCents,
    otherIncomeCents: dossier.otherIncomeCents,
    requestedCents: dossier.requestedCents,
    attachmentKinds: attachments.map((attachment) => attachment.kind),
  };
}

/** What a submission freezes: the fields plus each attachment's name and SHA-256. */
export function submittedContent(dossier: DossierEntity, attachments: AttachmentEntity[]) {
  const { attachmentKinds: _kinds, ...fields } = contentOf(dossier, attachments);
  return {
    ...fields,
    // Only subscriptions (catalogue calls) have one: project dossiers keep the hashes they always had.
    ...(dossier.subscription ? { subscription: dossier.subscription } : {}),
    attachments: attachments
      .map((a) => ({ id: a.id, kind: a.kind, filename: a.filename, sha256: a.sha256, sizeBytes: a.sizeBytes }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

export function hashOf(content: object): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export function callRules(call: CallEntity): DossierCallRules {
  return call;
}

export function toAttachmentView(attachment: AttachmentEntity): AttachmentView {
  return {
    id: attachment.id,
    kind: attachment.kind,
    filename: attachment.filename,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedAt: attachment.createdAt.toISOString(),
  };
}

export function toReceipt(submission: DossierSubmissionEntity): SubmissionReceipt {
  return {
    dossierId: submission.dossierId,
    reference: submission.reference,
    submittedAt: submission.submittedAt.toISOString(),
    contentHash: submission.contentHash,
    submissionNumber: submission.number,
    declaration: submission.declaration,
  };
}
