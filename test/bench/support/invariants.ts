import type { DataSource } from 'typeorm';

/** What must hold after a rush on one call: one submitted dossier per organisation, one submission and one outbox row each. */
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
         WHERE d.call_id = $1 AND n.template = 'dossier.submitted') AS outbox`,
    [callId],
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
  return problems;
}
