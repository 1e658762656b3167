import type { DataSource } from 'typeorm';

/**
 * What must hold after a rush on one call: one submitted dossier per organisation, one submission, one audit event
 * that says exactly what the submission row holds, and one outbox row each; references numbered 1..N without gaps.
 */
export async function submissionInvariants(
  dataSource: DataSource,
  callId: string,
  organisations: number,
): Promise<string[]> {
  const [row] = await dataSource.query<Array<Record<string, string>>>(
    `SELECT
       (SELECT count(*) FROM dossiers WHERE call_id = $1 AND status = 'submitted') AS submitted,
       (SELECT count(*) FROM dossiers WHERE call_id = $1 AND status <> 'submitted') AS not_submitted,
       (SELECT count(DISTINCT applicant_id) FROM dossiers WHERE call_id = $1 AND status = 'submitted') AS organisations,
       (SELECT count(*) FROM (SELECT applicant_id FROM dossiers WHERE call_id = $1 AND status = 'submitted'
                               GROUP BY applicant_id HAVING count(*) > 1) twice) AS organisations_twice,
       (SELECT count(*) FROM dossier_submissions s JOIN dossiers d ON d.id = s.dossier_id WHERE d.call_id = $1) AS submissions,
       (SELECT count(DISTINCT reference) FROM dossiers WHERE call_id = $1 AND reference IS NOT NULL) AS references,
       (SELECT dossier_seq FROM calls WHERE id = $1) AS sequence,
       (SELECT count(*) FROM notifications n JOIN dossiers d ON d.reference = n.subject_ref
         WHERE d.call_id = $1 AND n.template = 'dossier.submitted') AS outbox,
       -- References without gaps: the numbers 1..N, each once (the call's code, a dash, the number).
       (SELECT count(DISTINCT substring(reference FROM '-([0-9]+)$')::int) FROM dossiers
         WHERE call_id = $1 AND substring(reference FROM '-([0-9]+)$')::int BETWEEN 1 AND $2) AS numbers_in_range,
       -- The dossier says what its submission says.
       (SELECT count(*) FROM dossiers d JOIN dossier_submissions s ON s.dossier_id = d.id
         WHERE d.call_id = $1 AND (s.reference <> d.reference OR s.submitted_at <> d.submitted_at
                                   OR s.content_hash <> d.last_content_hash OR s.number <> d.submission_count)) AS dossier_mismatch,
       -- One audit event per submission, saying exactly what the submission row holds.
       (SELECT count(*) FROM dossier_submissions s JOIN dossiers d ON d.id = s.dossier_id
          JOIN audit_events e ON e.entity_id = d.id::text AND e.action = 'dossier.submitted'
         WHERE d.call_id = $1
           AND e.after->>'reference' = s.reference AND (e.after->>'submissionNumber')::int = s.number
           AND e.after->>'contentHash' = s.content_hash AND e.after->>'declaration' = s.declaration
           AND (e.after->>'submittedAt')::timestamptz = s.submitted_at) AS audit_exact`,
    [callId, organisations],
  );
  const count = (key: string) => Number(row[key]);
  const problems: string[] = [];
  const expect = (key: string, expected: number, what: string) => {
    if (count(key) !== expected) problems.push(`${what}: ${count(key)}, expected ${expected}`);
  };
  expect('submitted', organisations, 'submitted dossiers');
  expect('not_submitted', 0, 'dossiers left unsubmitted');
  expect('organisations', organisations, 'organisations with a submitted dossier');
  expect('organisations_twice', 0, 'organisations with two submitted dossiers');
  expect('submissions', organisations, 'submission rows');
  expect('references', organisations, 'distinct references');
  expect('sequence', organisations, 'reference numbers handed out (no gaps)');
  expect('outbox', organisations, 'outbox rows (notifications)');
  expect('numbers_in_range', organisations, 'reference numbers 1..N each given once');
  expect('dossier_mismatch', 0, 'dossiers that differ from their submission');
  expect('audit_exact', organisations, 'audit events that say exactly what the submission row holds');
  return problems;
}
