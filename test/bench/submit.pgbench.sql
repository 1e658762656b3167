-- One submit (POST /api/v1/dossiers/:id/submit) as the API sends it to PostgreSQL, for pgbench: the session lookup
-- of the access guard, then the transaction of DossierSubmissionService.submit with the statements of
-- SubmissionRepository (findForSubmit, recordSubmission), in the same order (keep in step with them): one read that
-- locks the dossier, one write (submission, dossier, audit event, outbox row). The dossier's reference was given when
-- it was started (ADR 0021); the API's two rate-limit counters live in Redis, not here.
-- Run by test/bench/deadline-rush.ts, which seeds the drafts and passes the variables:
--   tag, per_client, iter=0   each client submits its own drafts n = client_id * per_client + 1 .. + per_client
--   call                      the call
--   content, declaration, before, payload   JSON (and the declaration's text) taken from a submit the API made, so the rows have the same size
\set iter :iter + 1
\set n :client_id * :per_client + :iter
SELECT s.*, u.*
  FROM sessions s INNER JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = encode(sha256(convert_to(:tag::text || '.' || :n, 'UTF8')), 'hex')::char(64)
   AND s.revoked_at IS NULL AND s.expires_at > now() AND u.deactivated_at IS NULL;
START TRANSACTION;
SELECT d.*, c.*, a.*,
       (SELECT seen.submission_count FROM dossiers seen WHERE seen.id = d.id) AS seen_submission_count,
       (SELECT s.id FROM dossier_submissions s
         WHERE s.dossier_id = d.id AND s.idempotency_key = 'bench-' || :tag::text || '-' || :n) AS earlier_submission_id,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', w.id, 'dossierId', w.dossier_id, 'kind', w.kind, 'filename', w.filename,
                 'contentType', w.content_type, 'sizeBytes', w.size_bytes, 'sha256', w.sha256,
                 'uploadedBy', w.uploaded_by, 'createdAt', w.created_at) ORDER BY w.created_at), '[]'::json)
          FROM attachments w WHERE w.dossier_id = d.id AND w.removed_at IS NULL) AS working_attachments,
       now() AS transaction_now
  FROM dossiers d INNER JOIN calls c ON c.id = d.call_id INNER JOIN applicants a ON a.id = d.applicant_id
 WHERE d.id = bench_uuid('dossier', :tag, :n)
   AND EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = d.applicant_id AND m.user_id = bench_uuid('user', :tag, :n))
   FOR UPDATE OF d;
WITH submission AS (
  INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, idempotency_key, submitted_by, declaration)
  SELECT bench_uuid('dossier', :tag::text, :n::int), 1, (SELECT reference FROM dossiers WHERE id = bench_uuid('dossier', :tag::text, :n::int)),
         now(), :content::jsonb, md5(:tag::text || :n::int) || md5(:n::int || :tag::text), 'bench-' || :tag::text || '-' || :n::int,
         bench_uuid('user', :tag::text, :n::int), :declaration::text
    FROM calls c
   WHERE c.id = :call::uuid AND call_phase(c) = 'published' AND now() >= c.opens_at
     AND NOT EXISTS (SELECT 1 FROM dossiers dd JOIN applicants a ON a.id = dd.applicant_id
                      WHERE dd.id = bench_uuid('dossier', :tag::text, :n::int) AND a.verification_status = 'rejected')
  RETURNING id, dossier_id, number, reference, submitted_at, content_hash, submitted_by, declaration
), dossier AS (
  UPDATE dossiers d
     SET status = 'submitted', reference = s.reference, submitted_at = s.submitted_at,
         submission_count = s.number, last_content_hash = s.content_hash, updated_at = now()
    FROM submission s
   WHERE d.id = s.dossier_id
), audit AS (
  INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, before, after, request_id)
  SELECT s.submitted_by, 'dossier.submitted', 'dossier', s.dossier_id::text, :before::jsonb,
         jsonb_build_object('status', 'submitted', 'reference', s.reference, 'submissionNumber', s.number,
           'contentHash', s.content_hash,
           'submittedAt', (to_jsonb(s.submitted_at AT TIME ZONE 'UTC') #>> '{}') || 'Z',
           'declaration', s.declaration),
         gen_random_uuid()::text
    FROM submission s
), outbox AS (
  INSERT INTO notifications (template, recipient, locale, payload, subject_ref, status)
  SELECT 'dossier.submitted', 'bench-' || :tag::text || '-' || :n::int || '@bench.subsidieportaal.be', 'nl', :payload::jsonb,
         s.reference, 'pending'
    FROM submission s
)
SELECT id, submitted_at FROM submission;
COMMIT;
