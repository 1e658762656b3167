import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { declarationText, WEB_ROUTES, webUrl, type Locale, type SubmissionReceipt } from '@portal/contracts';
import { dossierReference, dossierSubmissionIssues, eligibilityIssue, formatBrussels } from '@portal/domain';
import { AppConfig, AppException } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { throwIfIssues } from '../common/rule-issues';
import { mailSender } from '../notifications/mail-sender';
import { DossierRepository } from './dossier.repository';
import { SubmissionRepository } from './submission.repository';
import { assertSubscriptionSubmittable } from './subscription-rules';

import { DossierAccess } from './dossier-access';
import { callRules, contentOf, hashOf, submittedContent, toReceipt } from './dossier-content';

/** Submission: the working copy frozen as a numbered version with its receipt, on time by the database clock. */
@Injectable()
export class DossierSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly submissions: SubmissionRepository,
    private readonly config: AppConfig,
    private readonly access: DossierAccess,
  ) {}

  /**
   * Submits the working copy. Retries are safe: the same idempotency key, or an unchanged dossier
   * (a double click), returns the receipt already given. On time means on time by the database clock.
   * The caller has checked that the declaration on honour was accepted; `locale` is the language the person read it in.
   */
  async submit(
    auth: AuthContext,
    id: string,
    submission: { idempotencyKey: string | null; locale: Locale },
    requestId: string | null,
  ): Promise<SubmissionReceipt> {
    const { idempotencyKey, locale } = submission;
    // On deadline day this transaction decides how many submits per second the database takes: every statement is a
    // round trip while the dossier is locked. So: one read, one write (docs/benchmarks.md, ADR 0021). The reference
    // was given when the dossier was started, so a submit no longer queues on the call's number counter.
    return this.dataSource.transaction(async (manager) => {
      const found = await this.submissions.findForSubmit(id, auth.user.id, idempotencyKey, manager);
      if (!found) throw new AppException('NOT_FOUND');
      const { dossier, earlier, attachments, transactionNow } = found;
      if (earlier) return toReceipt(earlier);
      const content = submittedContent(dossier, attachments);
      const contentHash = hashOf(content);
      if (dossier.status === 'submitted' && dossier.lastContentHash === contentHash) {
        const last = await this.dossiers.lastSubmission(id, manager);
        if (last) return toReceipt(last);
      }
      if (dossier.status === 'withdrawn') throw new AppException('DOSSIER_READ_ONLY');
      const { call, applicant } = dossier;
      if (applicant.verificationStatus === 'rejected') throw new AppException('APPLICANT_REJECTED');
      const ineligible = eligibilityIssue(call, applicant);
      if (ineligible) throw new AppException('INELIGIBLE_APPLICANT', { params: { reason: ineligible.nl } });
      assertSubscriptionSubmittable(call, dossier);
      const issues =
        call.kind === 'catalogue' ? [] : dossierSubmissionIssues(callRules(call), contentOf(dossier, attachments));
      throwIfIssues('DOSSIER_INCOMPLETE', issues);

      // Only a dossier started before references were given at the start has none (ADR 0021).
      const reference =
        dossier.reference ?? dossierReference(call.code, await this.submissions.nextReferenceNumber(call.id, manager));
      const number = dossier.submissionCount + 1;
      const declaration = declarationText(locale, applicant.legalName);
      // The submission's moment is the transaction's now(), which findForSubmit read: the mail can say it before the
      // write. The confirmation mail is an outbox row of this same statement: no submission without its mail, and
      // vice versa; the audit event is built by the database from the submission row it inserts.
      const recorded = await this.submissions.recordSubmission(
        {
          dossierId: id,
          callId: call.id,
          number,
          reference,
          content,
          contentHash,
          idempotencyKey,
          submittedBy: auth.user.id,
          declaration,
          audit: { before: { status: dossier.status, submissionCount: dossier.submissionCount }, requestId },
          mail: {
            recipient: auth.user.email,
            locale: auth.user.locale,
            payload: {
              recipientName: auth.user.displayName,
              reference,
              title: dossier.title,
              callTitle: call.title,
              submittedAt: transactionNow.toISOString(),
              submittedAtBrussels: formatBrussels(transactionNow),
              contentHash,
              submissionNumber: number,
              receiptUrl: webUrl(this.config.APP_URL, WEB_ROUTES.dossierReceipt(id)),
              dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(id)),
              sender: mailSender(call.information, this.config.LETTER_SETTINGS_FILE),
            },
          },
        },
        manager,
      );
      if (!recorded) {
        // Nothing of this transaction is kept.
        if (await this.submissions.applicantRejected(id, manager)) throw new AppException('APPLICANT_REJECTED');
        if (call.assessmentStage === 'decided') throw new AppException('CALL_DECIDED');
        throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
      }
      return toReceipt(recorded);
    });
  }

  async receipt(auth: AuthContext, id: string): Promise<SubmissionReceipt> {
    const dossier = await this.access.mustFind(auth, id);
    const last = await this.dossiers.lastSubmission(dossier.id);
    if (!last) throw new AppException('NOT_FOUND');
    return toReceipt(last);
  }
}
