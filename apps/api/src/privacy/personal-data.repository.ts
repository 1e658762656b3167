import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicantMemberEntity,
  AttachmentEntity,
  AuditEventEntity,
  DossierEntity,
  DossierSubmissionEntity,
  NotificationEntity,
  ReviewAssignmentEntity,
  ReviewScoreEntity,
  SessionEntity,
  UserEntity,
  UserIdentityEntity,
} from '@portal/server';
import { DataSource, EntityManager, In } from 'typeorm';

/** Every query behind a person's data export; run them in one read-only transaction for a consistent copy. */
@Injectable()
export class PersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  snapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  user(id: string, manager: EntityManager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  sessions(userId: string, manager: EntityManager): Promise<SessionEntity[]> {
    return manager.find(SessionEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  identities(userId: string, manager: EntityManager): Promise<UserIdentityEntity[]> {
    return manager.find(UserIdentityEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  memberships(userId: string, manager: EntityManager): Promise<ApplicantMemberEntity[]> {
    return manager.find(ApplicantMemberEntity, {
      where: { userId },
      relations: { applicant: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** The dossiers of the applicants the person acts for: what the portal lets them see. */
  dossiers(applicantIds: string[], manager: EntityManager): Promise<DossierEntity[]> {
    if (applicantIds.length === 0) return Promise.resolve([]);
    return manager.find(DossierEntity, {
      where: { applicantId: In(applicantIds) },
      relations: { call: true },
      order: { createdAt: 'ASC' },
    });
  }

  submissions(dossierIds: string[], manager: EntityManager): Promise<DossierSubmissionEntity[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return manager.find(DossierSubmissionEntity, {
      where: { dossierId: In(dossierIds) },
      order: { dossierId: 'ASC', number: 'ASC' },
    });
  }

  attachments(dossierIds: string[], manager: EntityManager): Promise<AttachmentEntity[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return manager.find(AttachmentEntity, { where: { dossierId: In(dossierIds) }, order: { createdAt: 'ASC' } });
  }

  assignments(reviewerId: string, manager: EntityManager): Promise<ReviewAssignmentEntity[]> {
    return manager.find(ReviewAssignmentEntity, {
      where: { reviewerId },
      relations: { dossier: true },
      order: { createdAt: 'ASC' },
    });
  }

  scores(assignmentIds: string[], manager: EntityManager): Promise<ReviewScoreEntity[]> {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return manager.find(ReviewScoreEntity, { where: { assignmentId: In(assignmentIds) } });
  }

  notifications(email: string, manager: EntityManager): Promise<NotificationEntity[]> {
    return manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('lower(n.recipient) = :email', { email: email.toLowerCase() })
      .orderBy('n.created_at', 'ASC')
      .getMany();
  }

  /** Events the person caused, and events about their account (a failed login on it, a reset). */
  auditEvents(userId: string, manager: EntityManager): Promise<AuditEventEntity[]> {
    return manager
      .createQueryBuilder(AuditEventEntity, 'a')
      .where(`(a.actor_user_id = :userId OR (a.entity_type = 'user' AND a.entity_id = :entityId))`, {
        userId,
        entityId: userId,
      })
      .orderBy('a.occurred_at', 'ASC')
      .getMany();
  }
}
