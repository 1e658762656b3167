-- The least a submit can be, for pgbench: one transaction that inserts a dossier and its outbox row (the mail), with
-- the dossier's triggers (the call's phase, read under a share lock on the call row) and indexes, and nothing else:
-- no session lookup, no read, no validation, no audit event. What test/bench/deadline-rush.ts compares the API with.
-- Variables (passed by support/pgbench.ts): tag, per_client, iter=0, call, applicant, user.
-- Every transaction gets a slot of its own, so the one-live-dossier index never collides.
\set iter :iter + 1
\set n :client_id * :per_client + :iter
START TRANSACTION;
INSERT INTO dossiers (call_id, applicant_id, slot, created_by, title)
VALUES (:call, :applicant, :n, :user, 'Minimal ' || :n)
RETURNING id;
INSERT INTO notifications (template, recipient, locale, payload, subject_ref, status)
VALUES ('dossier.submitted', 'minimal-' || :n || '@bench.subsidieportaal.be', 'nl', '{"reference":"minimal"}',
        :tag::text || '-' || :n, 'pending')
RETURNING id;
COMMIT;
