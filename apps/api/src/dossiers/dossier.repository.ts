import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicantEntity,
  AttachmentEntity,
  AuditEventEntity,
  CallEntity,
  DossierEntity,
  DossierSubmissionEntity,
  memberOfApplicant,
} from '@portal/server';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';

/** What a submit works from: see DossierRepository.findForSubmit. */
export interface SubmitContext {
  dossier: DossierEntity & { call: CallEntity; applicant: ApplicantEntity };
  /** The submission an earlier request with the same idempotency key made. */
  earlier: DossierSubmissionEntity | null;
  /** The attachments of the working copy, oldest first. */
  attachments: AttachmentEntity[];
}

type AttachmentJson = Omit<AttachmentEntity, 'dossier' | 'createdAt' | 'removedAt'> & { createdAt: string };

/** The working copy's attachments of the dossier `dossierId` (an SQL expression) as one JSON array. */
function attachmentsJson(dossierId: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
             'id', a.id, 'dossierId', a.dossier_id, 'kind', a.kind, 'filename', a.filename,
             'contentType', a.content_type, 'sizeBytes', a.size_bytes, 'sha256', a.sha256,
             'uploadedBy', a.uploaded_by, 'createdAt', a.created_at) ORDER BY a.created_at), '[]'::json)
             FROM attachments a WHERE a.dossier_id = ${dossierId} AND a.removed_at IS NULL)`;
}

function toAttachments(rows: AttachmentJson[], manager: EntityManager): AttachmentEntity[] {
  return rows.map((row) =>
    manager.create(AttachmentEntity, { ...row, createdAt: new Date(row.createdAt), removedAt: null }),
  );
}

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
      .andWhere(memberOfApplicant('dossier.applicant_id', ':userId'), { userId });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /**
   * The dossier to submit, with its call and applicant, when the user acts for the applicant, and what a submit
   * reads besides (the submission an earlier request with the same idempotency key made, the attachments): one
   * statement instead of six. Only the dossier row is locked (FOR UPDATE OF), until the transaction ends, so that
   * concurrent submits of the same dossier queue.
   * A statement that had to wait for that lock gets the dossier as the submit before it left it, but reads everything
   * else as it was before the wait. That submit's submission then shows as a submission count the earlier read lacks,
   * and the rest is read again by a statement of its own, which sees what it committed.
   */
  async findForSubmit(
    id: string,
    userId: string,
    idempotencyKey: string | null,
    manager: EntityManager,
  ): Promise<SubmitContext | null> {
    const { entities, raw } = await manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .innerJoinAndSelect('dossier.call', 'call')
      .innerJoinAndSelect('dossier.applicant', 'applicant')
      .addSelect(
        '(SELECT seen.submission_count FROM dossiers seen WHERE seen.id = dossier.id)',
        'seen_submission_count',
      )
      .addSelect(
        '(SELECT s.id FROM dossier_submissions s WHERE s.dossier_id = dossier.id AND s.idempotency_key = :key)',
        'earlier_submission_id',
      )
      .addSelect(attachmentsJson('dossier.id'), 'working_attachments')
      .where('dossier.id = :id', { id })
      .andWhere(memberOfApplicant('dossier.applicant_id', ':userId'), { userId })
      .setParameter('key', idempotencyKey)
      .setLock('pessimistic_write', undefined, ['dossier'])
      .getRawAndEntities<{
        seen_submission_count: number;
        earlier_submission_id: string | null;
        working_attachments: AttachmentJson[];
      }>();
    const dossier = entities[0] as (DossierEntity & { call: CallEntity; applicant: ApplicantEntity }) | undefined;
    if (!dossier) return null;
    const [row] = raw;
    if (Number(row.seen_submission_count) !== dossier.submissionCount) {
      return { dossier, ...(await this.submitContext(id, idempotencyKey, manager)) };
    }
    return {
      dossier,
      earlier: row.earlier_submission_id
        ? await manager.findOneByOrFail(DossierSubmissionEntity, { id: row.earlier_submission_id })
        : null,
      attachments: toAttachments(row.working_attachments, manager),
    };
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

  /** What findForSubmit reads besides the dossier, read again after a wait for the lock (see there). */
  private async submitContext(
    dossierId: string,
    idempotencyKey: string | null,
    manager: EntityManager,
  ): Promise<Omit<SubmitContext, 'dossier'>> {
    const [row] = await manager.query<Array<{ working_attachments: AttachmentJson[] }>>(
      `SELECT ${attachmentsJson('$1')} AS working_attachments`,
      [dossierId],
    );
    return {
      earlier: idempotencyKey
        ? await manager.findOne(DossierSubmissionEntity, { where: { dossierId, idempotencyKey } })
        : null,
      attachments: toAttachments(row.working_attachments, manager),
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
      declaration: string;
    },
    manager: EntityManager,
  ): Promise<DossierSubmissionEntity | null> {
    const rows = await manager.query<Array<{ id: string; submitted_at: Date }>>(
      `WITH submission AS (
         INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, idempotency_key, submitted_by, declaration)
         SELECT $1, $3, $4, now(), $5, $6, $7, $8, $9 FROM calls c
          WHERE c.id = $2 AND call_phase(c) = 'published' AND now() >= c.opens_at
            -- A rejection by the administration committed before this statement wins (ADR 0014).
            AND NOT EXISTS (SELECT 1 FROM dossiers dd JOIN applicants a ON a.id = dd.applicant_id
                             WHERE dd.id = $1 AND a.verification_status = 'rejected')
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
        row.declaration,
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

  applicantOf(id: string): Promise<ApplicantEntity> {
    return this.dataSource.manager.findOneByOrFail(ApplicantEntity, { id });
  }

  /** Whether the administration rejected the applicant the dossier belongs to (read afresh, inside the transaction). */
  async applicantRejected(dossierId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<Array<{ rejected: boolean }>>(
      `SELECT a.verification_status = 'rejected' AS rejected
         FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.id = $1`,
      [dossierId],
    );
    return rows[0]?.rejected ?? false;
  }
}
