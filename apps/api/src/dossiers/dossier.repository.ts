import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AttachmentEntity, AuditEventEntity, DossierEntity, DossierSubmissionEntity } from '@portal/server';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';

@Injectable()
export class DossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates the applicant's live dossier unless one exists, while the call is open by the database clock,
   * in one statement: the partial unique index makes concurrent starts collapse onto one row.
   * Returns the new id, or null when nothing was inserted (a dossier exists, or the call is not open).
   */
  async insertLiveIfOpen(
    row: { callId: string; applicantId: string; slot: number; createdBy: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO dossiers (call_id, applicant_id, slot, created_by)
       SELECT c.id, $2, $3, $4 FROM calls c
        WHERE c.id = $1 AND c.status = 'published' AND now() >= c.opens_at AND now() <= c.closes_at
       ON CONFLICT (call_id, applicant_id, slot) WHERE status <> 'withdrawn' DO NOTHING
       RETURNING id`,
      [row.callId, row.applicantId, row.slot, row.createdBy],
    );
    return rows[0]?.id ?? null;
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
      .andWhere(
        'EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = dossier.applicant_id AND m.user_id = :userId)',
        { userId },
      );
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  listForUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<DossierEntity[]> {
    return manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .innerJoinAndSelect('dossier.call', 'call')
      .innerJoinAndSelect('dossier.applicant', 'applicant')
      .where(
        'EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = dossier.applicant_id AND m.user_id = :userId)',
        { userId },
      )
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

  findSubmissionByKey(dossierId: string, idempotencyKey: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(DossierSubmissionEntity, { where: { dossierId, idempotencyKey } });
  }

  lastSubmission(dossierId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(DossierSubmissionEntity, { where: { dossierId }, order: { number: 'DESC' } });
  }

  /**
   * Records a submission only while the call is open by the database clock: the deadline check and the
   * write are one statement. Returns null when the call is closed (or not yet open).
   */
  async insertSubmissionIfOpen(
    row: {
      dossierId: string;
      callId: string;
      number: number;
      reference: string;
      content: object;
      contentHash: string;
      idempotencyKey: string | null;
      submittedBy: string;
    },
    manager: EntityManager,
  ): Promise<DossierSubmissionEntity | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, idempotency_key, submitted_by)
       SELECT $1, $3, $4, now(), $5, $6, $7, $8 FROM calls c
        WHERE c.id = $2 AND c.status = 'published' AND now() >= c.opens_at AND now() <= c.closes_at
       RETURNING id`,
      [
        row.dossierId,
        row.callId,
        row.number,
        row.reference,
        JSON.stringify(row.content),
        row.contentHash,
        row.idempotencyKey,
        row.submittedBy,
      ],
    );
    if (!rows[0]) return null;
    return manager.findOneOrFail(DossierSubmissionEntity, { where: { id: rows[0].id } });
  }

  /** Hands out the next dossier number of the call; commits (or rolls back) with the submission, so numbers have no gaps. */
  async nextReferenceNumber(callId: string, manager: EntityManager): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query<[Array<{ dossier_seq: number }>, number]>(
      'UPDATE calls SET dossier_seq = dossier_seq + 1 WHERE id = $1 RETURNING dossier_seq',
      [callId],
    );
    return Number(rows[0].dossier_seq);
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
}
