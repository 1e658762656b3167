import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicantEntity,
  AttachmentEntity,
  AuditEventEntity,
  CallEntity,
  DossierEntity,
  DossierSubmissionEntity,
} from '@portal/server';
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

  /**
   * The dossier to submit, with its call and applicant, when the user acts for the applicant: one statement instead
   * of three. Only the dossier row is locked (FOR UPDATE OF), until the transaction ends, so that concurrent submits
   * of the same dossier queue; what depends on earlier submits (the idempotency key, attachments) is read after the
   * lock is held, by later statements, which see what the transaction that held it committed.
   */
  findForSubmit(
    id: string,
    userId: string,
    manager: EntityManager,
  ): Promise<(DossierEntity & { call: CallEntity; applicant: ApplicantEntity }) | null> {
    return manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .innerJoinAndSelect('dossier.call', 'call')
      .innerJoinAndSelect('dossier.applicant', 'applicant')
      .where('dossier.id = :id', { id })
      .andWhere(
        'EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = dossier.applicant_id AND m.user_id = :userId)',
        { userId },
      )
      .setLock('pessimistic_write', undefined, ['dossier'])
      .getOne() as Promise<(DossierEntity & { call: CallEntity; applicant: ApplicantEntity }) | null>;
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

  /**
   * What a submit reads once it holds the dossier's lock, in one statement: the database clock of the transaction
   * (the moment a submission in it gets), the submission an earlier request with the same idempotency key made, and
   * the attachments of the working copy. Being a later statement than the lock, it sees what the submit that held
   * the lock before committed.
   */
  async submitContext(
    dossierId: string,
    idempotencyKey: string | null,
    manager: EntityManager,
  ): Promise<{ now: Date; earlier: DossierSubmissionEntity | null; attachments: AttachmentEntity[] }> {
    const [row] = await manager.query<
      Array<{
        now: Date;
        id: string | null;
        number: number;
        reference: string;
        submitted_at: Date;
        content: Record<string, unknown>;
        content_hash: string;
        idempotency_key: string | null;
        submitted_by: string;
        attachments: Array<Omit<AttachmentEntity, 'dossier' | 'createdAt'> & { createdAt: string }>;
      }>
    >(
      `SELECT now() AS now, s.id, s.number, s.reference, s.submitted_at, s.content, s.content_hash, s.idempotency_key,
              s.submitted_by,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', a.id, 'dossierId', a.dossier_id, 'kind', a.kind, 'filename', a.filename,
                        'contentType', a.content_type, 'sizeBytes', a.size_bytes, 'sha256', a.sha256,
                        'uploadedBy', a.uploaded_by, 'createdAt', a.created_at, 'removedAt', a.removed_at)
                      ORDER BY a.created_at), '[]'::json)
                 FROM attachments a WHERE a.dossier_id = $1 AND a.removed_at IS NULL) AS attachments
         FROM (SELECT 1) AS one
         LEFT JOIN dossier_submissions s ON s.dossier_id = $1 AND s.idempotency_key = $2`,
      [dossierId, idempotencyKey],
    );
    return {
      now: row.now,
      earlier: row.id
        ? manager.create(DossierSubmissionEntity, {
            id: row.id,
            dossierId,
            number: row.number,
            reference: row.reference,
            submittedAt: row.submitted_at,
            content: row.content,
            contentHash: row.content_hash,
            idempotencyKey: row.idempotency_key,
            submittedBy: row.submitted_by,
          })
        : null,
      attachments: row.attachments.map((attachment) =>
        manager.create(AttachmentEntity, { ...attachment, createdAt: new Date(attachment.createdAt), removedAt: null }),
      ),
    };
  }

  lastSubmission(dossierId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(DossierSubmissionEntity, { where: { dossierId }, order: { number: 'DESC' } });
  }

  /**
   * Records a submission only while the call is open by the database clock, and marks the dossier submitted:
   * the deadline check and both writes are one statement (one round trip while the call's number counter is
   * locked). Returns null, having written nothing, when the call is closed (or not yet open).
   */
  async recordSubmissionIfOpen(
    row: {
      dossierId: string;
      callId: string;
      number: number;
      reference: string;
      content: Record<string, unknown>;
      contentHash: string;
      idempotencyKey: string | null;
      submittedBy: string;
    },
    manager: EntityManager,
  ): Promise<DossierSubmissionEntity | null> {
    const rows = await manager.query<Array<{ id: string; submitted_at: Date }>>(
      `WITH submission AS (
         INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, idempotency_key, submitted_by)
         SELECT $1, $3, $4, now(), $5, $6, $7, $8 FROM calls c
          WHERE c.id = $2 AND c.status = 'published' AND now() >= c.opens_at AND now() <= c.closes_at
         RETURNING id, dossier_id, number, reference, submitted_at, content_hash
       ), dossier AS (
         UPDATE dossiers d
            SET status = 'submitted', reference = s.reference, submitted_at = s.submitted_at,
                submission_count = s.number, last_content_hash = s.content_hash, updated_at = now()
           FROM submission s
          WHERE d.id = s.dossier_id
       )
       SELECT id, submitted_at FROM submission`,
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
    const { content, ...fields } = row;
    return manager.create(DossierSubmissionEntity, {
      ...fields,
      id: rows[0].id,
      submittedAt: rows[0].submitted_at,
      content,
    });
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
