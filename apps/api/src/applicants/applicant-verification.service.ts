import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES, type ApplicantVerificationStatus, type ApplicantVerificationView } from '@portal/contracts';
import { AppException, AuditRepository, NotificationRepository, type ApplicantEntity } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { ApplicantVerificationRepository } from './applicant-verification.repository';

/** At most this many rows in one list (the queue to verify is worked through oldest first). */
export const VERIFICATION_LIST_LIMIT = 200;

/**
 * A newly registered organisation or local government is "to verify"; an admin verifies or rejects its claim to the
 * number, once (ADR 0014). A rejected applicant cannot start or submit dossiers; its admins are told by mail.
 */
@Injectable()
export class ApplicantVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verifications: ApplicantVerificationRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(status: ApplicantVerificationStatus): Promise<ApplicantVerificationView[]> {
    const applicants = await this.verifications.listByStatus(status, VERIFICATION_LIST_LIMIT);
    const admins = await this.verifications.admins(applicants.map((a) => a.id));
    return applicants.map((applicant) =>
      toVerificationView(
        applicant,
        admins
          .filter((member) => member.applicantId === applicant.id)
          .map((member) => ({ displayName: member.user!.displayName, email: member.user!.email })),
      ),
    );
  }

  async decide(
    auth: AuthContext,
    applicantId: string,
    decision: 'verified' | 'rejected',
    motivation: string | null,
  ): Promise<ApplicantVerificationView> {
    const text = motivation?.trim() || null;
    if (decision === 'rejected' && !text) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [{ field: 'motivation', code: 'required', message: FIELD_MESSAGES.motivationRequired() }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const applicant = await this.verifications.decide(applicantId, decision, text, auth.user.id, manager);
      if (!applicant) {
        if (!(await this.verifications.exists(applicantId, manager))) throw new AppException('NOT_FOUND');
        throw new AppException('APPLICANT_VERIFICATION_DECIDED');
      }
      const admins = await this.verifications.admins([applicant.id], manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: decision === 'verified' ? 'applicant.verified' : 'applicant.verification_rejected',
          entityType: 'applicant',
          entityId: applicant.id,
          before: { verificationStatus: 'to_verify' },
          after: {
            verificationStatus: applicant.verificationStatus,
            verifiedAt: applicant.verifiedAt?.toISOString() ?? null,
            verifiedBy: applicant.verifiedBy,
            verificationMotivation: applicant.verificationMotivation,
          },
          requestId: auth.requestId,
        },
        manager,
      );
      for (const admin of admins) {
        if (admin.user!.deactivatedAt) continue;
        await this.notifications.enqueue(
          {
            template: 'applicant.verification',
            recipient: admin.user!.email,
            locale: admin.user!.locale,
            subjectRef: applicant.id,
            payload: {
              recipientName: admin.user!.displayName,
              applicantName: applicant.legalName,
              decision,
              motivation: applicant.verificationMotivation,
            },
          },
          manager,
        );
      }
      return toVerificationView(
        applicant,
        admins.map((member) => ({ displayName: member.user!.displayName, email: member.user!.email })),
      );
    });
  }
}

function toVerificationView(
  applicant: ApplicantEntity,
  admins: ApplicantVerificationView['admins'],
): ApplicantVerificationView {
  return {
    id: applicant.id,
    kind: applicant.kind,
    legalName: applicant.legalName,
    enterpriseNumber: applicant.enterpriseNumber,
    nisCode: applicant.nisCode,
    address: applicant.address,
    contactName: applicant.contactName,
    contactEmail: applicant.contactEmail,
    contactPhone: applicant.contactPhone,
    createdAt: applicant.createdAt.toISOString(),
    verificationStatus: applicant.verificationStatus,
    verifiedAt: applicant.verifiedAt?.toISOString() ?? null,
    verifiedBy: applicant.verifiedBy,
    verificationMotivation: applicant.verificationMotivation,
    admins,
  };
}
