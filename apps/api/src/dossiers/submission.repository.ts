import { Injectable } from '@nestjs/common';
import type { NotificationPayloads } from '@portal/contracts';
import {
  ApplicantEntity,
  AttachmentEntity,
  CallEntity,
  DossierEntity,
  DossierSubmissionEntity,
  hydrateJson,
  memberOfApplicant,
  preparedStatement,
  runPrepared,
} from '@portal/server';
import { EntityManager } from 'typeorm';

/** What a submit works from: see SubmissionRepository.findForSubmit. */
export interface SubmitContext {
  dossier: DossierEntity & { call: CallEntity; applicant: ApplicantEntity };
  /** The submission an earlier request with the same idempotency key made. */
  earlier: DossierSubmissionEntity | null;
  /** The attachments of the working copy, oldest first. */
  attachments: AttachmentEntity[];
  /** The database's now() in this transaction: the moment a submission written in it will carry. */
  transactionNow: Date;
}

/** One submission with the audit event and the outbox row that go with it (see recordSubmission). */
export interface SubmissionWrite {
  dossierId: string;
  callId: string;
  number: number;
  reference: string;
  content: Record<string, unknown>;
  contentHash: string;
  idempotencyKey: string | null;
  submittedBy: string;
  declaration: string;
  audit: { before: Record<string, unknown>; requestId: string | null };
  mail: { recipient: string; locale: 'nl' | 'en'; payload: NotificationPayloads['dossier.submitted'] };
}

/** A row of FIND_FOR_SUBMIT: the dossier, its call and its applicant as JSON, and what else a submit reads. */
interface FindForSubmitRow {
  d: Record<string, unknown>;
  c: Record<string, unknown>;
  a: Record<string, unknown>;
  seen_submission_count: number;
  earlier_submission_id: string | null;
  working_attachments: AttachmentJson[];
  transaction_now: Date;
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

/** The attachments as entities (plain assignment: cheaper than manager.create, and these rows have no relations). */
function toAttachments(rows: AttachmentJson[]): AttachmentEntity[] {
  return rows.map((row) =>
    Object.assign(new AttachmentEntity(), { ...row, createdAt: new Date(row.createdAt), removedAt: null }),
  );
}

/**
 * findForSubmit's statement (see there), prepared: parsed and planned once per connection (ADR 0026). The three rows
 * come as JSON, one field each: node-postgres describes and parses every field of every execution, and these tables
 * have 70 columns together. $1 dossier, $2 user, $3 idempotency key.
 */
const FIND_FOR_SUBMIT = preparedStatement(
  'submit_find',
  `SELECT row_to_json(d) AS d, row_to_json(c) AS c, row_to_json(a) AS a,
          (SELECT seen.submission_count FROM dossiers seen WHERE seen.id = d.id) AS seen_submission_count,
          (SELECT s.id FROM dossier_submissions s WHERE s.dossier_id = d.id AND s.idempotency_key = $3)
            AS earlier_submission_id,
          ${attachmentsJson('d.id')} AS working_attachments,
          now() AS transaction_now
     FROM dossiers d JOIN calls c ON c.id = d.call_id JOIN applicants a ON a.id = d.applicant_id
    WHERE d.id = $1 AND ${memberOfApplicant('d.applicant_id', '$2')}
      FOR UPDATE OF d`,
);

/**
 * recordSubmission's statement (see there), prepared: parsed and planned once per connection (ADR 0026).
 * $1 dossier, $2 call, $3 number, $4 reference, $5 content, $6 content hash, $7 idempotency key, $8 submitted by,
 * $9 declaration, $10 audit before, $11 request id, $12-$14 the mail's recipient, locale and payload.
 */
const RECORD_SUBMISSION = preparedStatement(
  'submit_record',
  `WITH submission AS (
         INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, idempotency_key, submitted_by, declaration)
         SELECT $1, $3, $4, now(), $5, $6, $7, $8, $9 FROM calls c
          WHERE c.id = $2 AND call_phase(c) = 'published' AND now() >= c.opens_at
            -- A rejection by the administration committed before this statement wins (ADR 0014).
            AND NOT EXISTS (SELECT 1 FROM dossiers dd JOIN applicants a ON a.id = dd.applicant_id
                             WHERE dd.id = $1 AND a.verification_status = 'rejected')
         RETURNING id, dossier_id, number, reference, submitted_at, content_hash, submitted_by, declaration
       ), dossier AS (
         UPDATE dossiers d
            SET status = 'submitted', reference = s.reference, submitted_at = s.submitted_at,
                submission_count = s.number, last_content_hash = s.content_hash, updated_at = now()
           FROM submission s
          WHERE d.id = s.dossier_id
       ), audit AS (
         INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, before, after, request_id)
         SELECT s.submitted_by, 'dossier.submitted', 'dossier', s.dossier_id::text, $10::jsonb,
                jsonb_build_object('status', 'submitted', 'reference', s.reference, 'submissionNumber', s.number,
                  'contentHash', s.content_hash,
                  'submittedAt', (to_jsonb(s.submitted_at AT TIME ZONE 'UTC') #>> '{}') || 'Z',
                  'declaration', s.declaration),
                $11
           FROM submission s
       ), outbox AS (
         INSERT INTO notifications (template, recipient, locale, payload, subject_ref, status)
         SELECT 'dossier.submitted', $12, $13, $14::jsonb, s.reference, 'pending' FROM submission s
       )
       SELECT id, submitted_at FROM submission`,
);

/**
 * The statements of a submit (DossierSubmissionService.submit). On deadline day they decide how many submits per
 * second the database takes, so a submit is two statements between BEGIN and COMMIT: one read that locks the dossier,
 * one write (docs/benchmarks.md, ADR 0021).
 */
@Injectable()
export class SubmissionRepository {
  /**
   * The dossier to submit, with its call and applicant, when the user acts for the applicant, and what a submit
   * reads besides (the submission an earlier request with the same idempotency key made, the attachments, the
   * transaction's now()): one statement. Only the dossier row is locked (FOR UPDATE OF), until the transaction ends,
   * so that concurrent submits of the same dossier queue.
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
    const [row] = await runPrepared<FindForSubmitRow>(manager, FIND_FOR_SUBMIT, [id, userId, idempotencyKey]);
    if (!row) return null;
    const dossier = Object.assign(hydrateJson(manager, DossierEntity, row.d), {
      call: hydrateJson(manager, CallEntity, row.c),
      applicant: hydrateJson(manager, ApplicantEntity, row.a),
    });
    const transactionNow = row.transaction_now;
    if (Number(row.seen_submission_count) !== dossier.submissionCount) {
      return { dossier, transactionNow, ...(await this.submitContext(id, idempotencyKey, manager)) };
    }
    return {
      dossier,
      earlier: row.earlier_submission_id
        ? await manager.findOneByOrFail(DossierSubmissionEntity, { id: row.earlier_submission_id })
        : null,
      attachments: toAttachments(row.working_attachments),
      transactionNow,
    };
  }

  /** What findForSubmit reads besides the dossier, read again after a wait for the lock (see there). */
  private async submitContext(
    dossierId: string,
    idempotencyKey: string | null,
    manager: EntityManager,
  ): Promise<Pick<SubmitContext, 'earlier' | 'attachments'>> {
    const [row] = await manager.query<Array<{ working_attachments: AttachmentJson[] }>>(
      `SELECT ${attachmentsJson('$1')} AS working_attachments`,
      [dossierId],
    );
    return {
      earlier: idempotencyKey
        ? await manager.findOne(DossierSubmissionEntity, { where: { dossierId, idempotencyKey } })
        : null,
      attachments: toAttachments(row.working_attachments),
    };
  }

  /**
   * Records a submission only while the call is open by the database clock, and in the same statement marks the
   * dossier submitted, writes the audit event and the confirmation mail's outbox row: one round trip for the whole
   * write. The audit event's `after` is built from the submission row as inserted (reference, number, hash, moment to
   * the microsecond, declaration), so it says exactly what the database holds. Returns null, having written nothing,
   * when the call is closed (or not yet open) or the administration rejected the applicant.
   */
  async recordSubmission(row: SubmissionWrite, manager: EntityManager): Promise<DossierSubmissionEntity | null> {
    const rows = await runPrepared<{ id: string; submitted_at: Date }>(manager, RECORD_SUBMISSION, [
      row.dossierId,
      row.callId,
      row.number,
      row.reference,
      JSON.stringify(row.content),
      row.contentHash,
      row.idempotencyKey,
      row.submittedBy,
      row.declaration,
      JSON.stringify(row.audit.before),
      row.audit.requestId,
      row.mail.recipient,
      row.mail.locale,
      JSON.stringify(row.mail.payload),
    ]);
    if (!rows[0]) return null;
    return manager.create(DossierSubmissionEntity, {
      dossierId: row.dossierId,
      number: row.number,
      reference: row.reference,
      content: row.content,
      contentHash: row.contentHash,
      idempotencyKey: row.idempotencyKey,
      submittedBy: row.submittedBy,
      declaration: row.declaration,
      id: rows[0].id,
      submittedAt: rows[0].submitted_at,
    });
  }

  /**
   * Hands out the next dossier number of the call; commits (or rolls back) with the submission, so numbers have no
   * gaps. Only for a dossier that has no reference yet: one started before references were given at the start
   * (ADR 0021), or written by other means than DossierRepository.insertLiveIfOpen.
   */
  async nextReferenceNumber(callId: string, manager: EntityManager): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query<[Array<{ dossier_seq: number }>, number]>(
      'UPDATE calls SET dossier_seq = dossier_seq + 1 WHERE id = $1 RETURNING dossier_seq',
      [callId],
    );
    return Number(rows[0].dossier_seq);
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
