-- One submit (POST /api/v1/dossiers/:id/submit) as the API sends it to PostgreSQL, for pgbench: the session lookup
-- of the access guard, then the transaction of DossiersService.submit with the statements of DossierRepository,
-- AuditRepository and NotificationRepository, in the same order (captured with log_statement = 'all'; keep in step
-- with them). The API's two rate-limit counters live in Redis, not here.
-- Run by test/bench/deadline-rush.ts, which seeds the drafts and passes the variables:
--   tag, per_client, iter=0   each client submits its own drafts n = client_id * per_client + 1 .. + per_client
--   call, code                the call and its code (for the reference)
--   content, declaration, before, after, payload   JSON (and the declaration's text) taken from a submit the API made, so the rows have the same size
\set iter :iter + 1
\set n :client_id * :per_client + :iter
SELECT s.id, s.token_hash, s.user_id, s.created_at, s.expires_at, s.revoked_at, s.ip, s.user_agent, u.id, u.email,
       u.display_name, u.password_hash, u.roles, u.locale, u.created_at, u.updated_at
  FROM sessions s INNER JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = encode(sha256(convert_to(:tag::text || '.' || :n, 'UTF8')), 'hex')
   AND s.revoked_at IS NULL AND s.expires_at > now();
START TRANSACTION;
SELECT d.*, c.*, a.*,
       (SELECT seen.submission_count FROM dossiers seen WHERE seen.id = d.id) AS seen_submission_count,
       (SELECT s.id FROM dossier_submissions s
         WHERE s.dossier_id = d.id AND s.idempotency_key = 'bench-' || :tag::text || '-' || :n) AS earlier_submission_id,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', w.id, 'dossierId', w.dossier_id, 'kind', w.kind, 'filename', w.filename,
                 'contentType', w.content_type, 'sizeBytes', w.size_bytes, 'sha256', w.sha256,
                 'uploadedBy', w.uploaded_by, 'createdAt', w.created_at) ORDER BY w.created_at), '[]'::json)
          FROM attachments w WHERE w.dossier_id = d.id AND w.removed_at IS NULL) AS working_attachments
  FROM dossiers d INNER JOIN calls c ON c.id = d.call_id INNER JOIN applicants a ON a.id = d.applicant_id
 WHERE d.id = bench_uuid('dossier', :tag, :n)
   AND EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = d.applicant_id AND m.user_id = bench_uuid('user', :tag, :n))
   FOR UPDATE OF d;
UPDATE calls SET dossier_seq = dossier_seq + 1 WHERE id = :call RETURNING dossier_seq \gset
WITH submission AS (
  INSERT INTO dossier_submissions (dossier_id, number, reference, submitted_at, content, content_hash, idempotency_key, submitted_by, declaration)
  SELECT bench_uuid('dossier', :tag, :n), 1, :code::text || '-' || repeat('0', 4 - length(:dossier_seq::text)) || :dossier_seq, now(), :content,
         md5(:tag::text || :n) || md5(:n || :tag::text), 'bench-' || :tag::text || '-' || :n, bench_uuid('user', :tag, :n),
         :declaration
    FROM calls c
   WHERE c.id = :call AND c.status = 'published' AND now() >= c.opens_at AND now() <= c.closes_at
  RETURNING id, dossier_id, number, reference, submitted_at, content_hash
), dossier AS (
  UPDATE dossiers d
     SET status = 'submitted', reference = s.reference, submitted_at = s.submitted_at,
         submission_count = s.number, last_content_hash = s.content_hash, updated_at = now()
    FROM submission s
   WHERE d.id = s.dossier_id
)
SELECT id, submitted_at FROM submission;
INSERT INTO audit_events (id, occurred_at, actor_user_id, action, entity_type, entity_id, before, after, request_id)
VALUES (DEFAULT, DEFAULT, bench_uuid('user', :tag, :n), 'dossier.submitted', 'dossier', bench_uuid('dossier', :tag, :n),
        :before, :after, gen_random_uuid()::text)
RETURNING id, occurred_at;
INSERT INTO notifications (id, template, recipient, locale, payload, subject_ref, status, attempts, dispatch_count,
                           last_error, smtp_message_id, created_at, dispatched_at, sent_at)
VALUES (DEFAULT, 'dossier.submitted', 'bench-' || :tag::text || '-' || :n || '@bench.subsidieportaal.be', 'nl', :payload,
        :code::text || '-' || repeat('0', 4 - length(:dossier_seq::text)) || :dossier_seq, 'pending', DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT,
        DEFAULT, DEFAULT)
RETURNING id, locale, status, attempts, dispatch_count, created_at;
COMMIT;
