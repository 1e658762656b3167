import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicantEntity,
  AttachmentEntity,
  AuditEventEntity,
  DossierEntity,
  DossierSubmissionEntity,
  memberOfApplicant,
} from '@portal/server';
import { dossierReference } from '@portal/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';

/** A concurrent start created the applicant's live dossier first: roll back (the reference number goes back too). */
export class LiveDossierExists extends Error {
  constructor() {
    super('The applicant already has a live dossier for this call');
  }
}

@Injectable()
export class DossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates the applicant's live dossier unless one exists, while the call is open by the database clock, with its
   * reference: the call's next number (ADR 0021). The number is taken first, in a statement that also checks that the
   * call is open, so that the call row's lock comes before the share lock the dossier's insert takes on it (the other
   * order deadlocks two starts). The partial unique index makes concurrent starts collapse onto one row; the start
   * that loses gets LiveDossierExists and must roll its transaction back, which gives the number back.
   * Returns the new id and reference, or null when the call is not open (nothing written).
   */
  async insertLiveIfOpen(
    row: { callId: string; applicantId: string; slot: number; createdBy: string },
    manager: EntityManager,
  ): Promise<{ id: string; reference: string } | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [numbered] = await manager.query<[Array<{ code: string; dossier_seq: number }>, number]>(
      `UPDATE calls SET dossier_seq = dossier_seq + 1
        WHERE id = $1 AND status = 'published' AND now() >= opens_at AND now() <= closes_at
       RETURNING code, dossier_seq`,
      [row.callId],
    );
    if (!numbered[0]) return null;
    const reference = dossierReference(numbered[0].code, Number(numbered[0].dossier_seq));
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO dossiers (call_id, applicant_id, slot, created_by, reference)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (call_id, applicant_id, slot) WHERE status <> 'withdrawn' DO NOTHING
       RETURNING id`,
      [row.callId, row.applicantId, row.slot, row.createdBy, reference],
    );
    if (!rows[0]) throw new LiveDossierExists();
    return { id: rows[0].id, reference };
  }

  findLive(
    callId: string,
    applicantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DossierEntity | null> {
    return manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .where('dossier.call_id = :callId AND dossier.applicant_id = :applicantId AND dossier.status <> :withdrawn', {
        callId,
        applicantId,
        withdrawn: 'withdrawn',
      })
      .orderBy('dossier.created_at', 'DESC')
      .getOne();
  }

  async nextSlot(callId: string, applicantId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<Array<{ next: number }>>(
      'SELECT COALESCE(MAX(slot), 0) + 1 AS next FROM dossiers WHERE call_id = $1 AND applicant_id = $2',
      [callId, applicantId],
    );
    return Number(row.next);
  }

  /** A dossier the user may see: one of an applicant they act for. Anything else is "not found". */
  findForMember(
    id: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<DossierEntity | null> {
    const query = manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .where('dossier.id = :id', { id })
      .andWhere(memberOfApplicant('dossier.applicant_id', ':userId'), { userId });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  listForUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<DossierEntity[]> {
    return manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .innerJoinAndSelect('dossier.call', 'call')
      .innerJoinAndSelect('dossier.applicant', 'applicant')
      .where(memberOfApplicant('dossier.applicant_id', ':userId'), { userId })
      .orderBy('dossier.updated_at', 'DESC')
      .getMany();
  }

  /**
   * Saves the working copy only if nobody saved in between (version) and the call is still open by the
   * database clock; returns false when either is not the case.
   */
  async updateDraftIfCurrent(
    id: string,
    version: number,
    changes: Partial<DossierEntity>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(DossierEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status <> :withdrawn', { id, version, withdrawn: 'withdrawn' })
      .andWhere('EXISTS (SELECT 1 FROM calls c WHERE c.id = call_id AND now() <= c.closes_at)')
      .execute();
    return (result.affected ?? 0) > 0;
  }

  save(dossier: DossierEntity, manager: EntityManager = this.dataSource.manager): Promise<DossierEntity> {
    return manager.save(DossierEntity, dossier);
  }

  attachments(dossierId: string, manager: EntityManager = this.dataSource.manager): Promise<AttachmentEntity[]> {
    return manager.find(AttachmentEntity, { where: { dossierId, removedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async insertAttachment(
    attachment: Partial<AttachmentEntity>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AttachmentEntity> {
    return manager.save(AttachmentEntity, manager.create(AttachmentEntity, attachment));
  }

  async markAttachmentRemoved(
    dossierId: string,
    attachmentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await manager.update(
      AttachmentEntity,
      { id: attachmentId, dossierId, removedAt: IsNull() },
      { removedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  lastSubmission(dossierId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(DossierSubmissionEntity, { where: { dossierId }, order: { number: 'DESC' } });
  }

  timeline(dossierId: string, manager: EntityManager = this.dataSource.manager): Promise<AuditEventEntity[]> {
    return manager.find(AuditEventEntity, {
      where: {
        entityType: 'dossier',
        entityId: dossierId,
        action: In(['dossier.created', 'dossier.submitted', 'dossier.withdrawn']),
      },
      order: { occurredAt: 'ASC' },
    });
  }

  applicantOf(id: string): Promise<ApplicantEntity> {
    return this.dataSource.manager.findOneByOrFail(ApplicantEntity, { id });
  }
}
