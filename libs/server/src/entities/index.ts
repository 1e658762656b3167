import { ApplicantMemberEntity } from './applicant-member.entity';
import {
  CallReportSettingsEntity,
  ChangeRequestEntity,
  DossierReportEntity,
  ReportDueReminderEntity,
} from './after-award.entities';
import {
  AdmissibilityDecisionEntity,
  ConsensusScoreEntity,
  ReviewAssignmentEntity,
  ReservePromotionEntity,
  BudgetDecisionEntity,
  ReviewScoreEntity,
  SelectionProposalEntity,
} from './assessment.entities';
import { ApplicantEntity } from './applicant.entity';
import {
  AttachmentBlobChunkEntity,
  AttachmentBlobEntity,
  AttachmentUploadChunkEntity,
} from './attachment-blob.entities';
import { AttachmentEntity } from './attachment.entity';
import { ReportDocumentEntity } from './report-document.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CallEntity } from './call.entity';
import { CatalogueAllocationEntity, type AllocationSubscriber } from './catalogue-allocation.entity';
import { DossierSubmissionEntity } from './dossier-submission.entity';
import { DossierEntity, type DossierSubscription } from './dossier.entity';
import { EmailVerificationEntity } from './email-verification.entity';
import { InvitationEntity } from './invitation.entity';
import { NotificationEntity } from './notification.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { ReminderEntity } from './reminder.entity';
import { RecoveryCodeEntity, SecondFactorChallengeEntity, UserSecondFactorEntity } from './second-factor.entities';
import { ReviewDueReminderEntity, ReviewPanelEntity, ReviewPanelMemberEntity } from './review-panel.entities';
import { SessionEntity } from './session.entity';
import { StaffInvitationEntity } from './staff-invitation.entity';
import { UserEntity } from './user.entity';
import { UserIdentityEntity } from './user-identity.entity';
import {
  AcceptanceReminderEntity,
  AwardAcceptanceEntity,
  PaymentBatchEntity,
  PaymentBatchItemEntity,
  PaymentEntity,
  PaymentScheduleTrancheEntity,
  type PaymentBatchStatus,
} from './funding.entities';
import {
  DossierSettlementEntity,
  RecoveryCaseEntity,
  RecoveryReminderEntity,
  RecoveryRepaymentEntity,
  type RecoveryStatus,
} from './settlement.entities';

export type { AllocationSubscriber, DossierSubscription, PaymentBatchStatus, RecoveryStatus };

export { DossierSettlementEntity, RecoveryCaseEntity, RecoveryReminderEntity, RecoveryRepaymentEntity };

export {
  AcceptanceReminderEntity,
  AwardAcceptanceEntity,
  PaymentBatchEntity,
  PaymentBatchItemEntity,
  PaymentEntity,
  PaymentScheduleTrancheEntity,
};

export {
  CallReportSettingsEntity,
  ChangeRequestEntity,
  DossierReportEntity,
  ReportDocumentEntity,
  ReportDueReminderEntity,
  AdmissibilityDecisionEntity,
  ConsensusScoreEntity,
  ReviewAssignmentEntity,
  ReservePromotionEntity,
  BudgetDecisionEntity,
  ReviewScoreEntity,
  SelectionProposalEntity,
  ApplicantEntity,
  ApplicantMemberEntity,
  AttachmentBlobChunkEntity,
  AttachmentBlobEntity,
  AttachmentUploadChunkEntity,
  AttachmentEntity,
  AuditEventEntity,
  CallEntity,
  CatalogueAllocationEntity,
  DossierEntity,
  DossierSubmissionEntity,
  EmailVerificationEntity,
  InvitationEntity,
  NotificationEntity,
  PasswordResetEntity,
  ReminderEntity,
  ReviewDueReminderEntity,
  ReviewPanelEntity,
  ReviewPanelMemberEntity,
  SessionEntity,
  StaffInvitationEntity,
  UserEntity,
  UserIdentityEntity,
  UserSecondFactorEntity,
  RecoveryCodeEntity,
  SecondFactorChallengeEntity,
};

/** Every entity of the portal; the data source and the migration drift test use this list. */
export const ENTITIES = [
  PaymentScheduleTrancheEntity,
  AwardAcceptanceEntity,
  AcceptanceReminderEntity,
  PaymentBatchEntity,
  PaymentBatchItemEntity,
  PaymentEntity,
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  CallEntity,
  ApplicantEntity,
  ApplicantMemberEntity,
  DossierEntity,
  DossierSubmissionEntity,
  AttachmentBlobEntity,
  AttachmentBlobChunkEntity,
  AttachmentUploadChunkEntity,
  AttachmentEntity,
  NotificationEntity,
  ReminderEntity,
  InvitationEntity,
  AdmissibilityDecisionEntity,
  ReviewAssignmentEntity,
  ReviewScoreEntity,
  ConsensusScoreEntity,
  SelectionProposalEntity,
  ReservePromotionEntity,
  BudgetDecisionEntity,
  PasswordResetEntity,
  CatalogueAllocationEntity,
  StaffInvitationEntity,
  UserIdentityEntity,
  UserSecondFactorEntity,
  RecoveryCodeEntity,
  SecondFactorChallengeEntity,
  EmailVerificationEntity,
  ReviewPanelEntity,
  ReviewPanelMemberEntity,
  ReviewDueReminderEntity,
  CallReportSettingsEntity,
  DossierReportEntity,
  ReportDocumentEntity,
  ReportDueReminderEntity,
  ChangeRequestEntity,
  DossierSettlementEntity,
  RecoveryCaseEntity,
  RecoveryRepaymentEntity,
  RecoveryReminderEntity,
];
