import type { DataSource } from 'typeorm';

/**
 * Seeds `count` organisations, each with one applicant user, a live session and a complete draft dossier on
 * `callId`, by copying a prototype dossier that was made complete through the HTTP API (fields and attachments).
 * Creating thousands of organisations through HTTP would take minutes (argon2 and validation are slow on purpose);
 * what is measured is the submit, which always goes through the API.
 *
 * Every identifier is derived from (tag, n), n = 1..count, so that SQL (pgbench) can compute the same ones:
 * user, applicant and dossier ids are `bench_uuid('user' | 'applicant' | 'dossier', tag, n)` (an MD5 shaped as a
 * version-4 UUID, which the API's UUID pipe requires), the session token is `tag.n`.
 * `tag` must be unique in the database and lower-case.
 */
export interface SeedOptions {
  tag: string;
  count: number;
  callId: string;
  prototypeDossierId: string;
  /** The seeded organisations get enterprise numbers from this 7-digit base on (check digits added). */
  enterpriseBase: number;
}

export interface SeededDraft {
  n: number;
  dossierId: string;
  email: string;
  /** The session cookie value. */
  token: string;
}

/** The deterministic identifiers of seeded rows; created in the benchmark's own database. */
export const BENCH_UUID_FUNCTION = `
  CREATE OR REPLACE FUNCTION bench_uuid(kind text, tag text, n int) RETURNS uuid
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT overlay(overlay(md5(kind || ':' || tag || ':' || n) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`;

export async function seedDrafts(dataSource: DataSource, options: SeedOptions): Promise<SeededDraft[]> {
  const { tag, count, callId, prototypeDossierId, enterpriseBase } = options;
  if (!/^[a-z0-9]+$/.test(tag)) throw new Error(`tag "${tag}" must be lower-case letters and digits`);
  if (enterpriseBase + count > 9_999_999) throw new Error('enterprise numbers exhausted');
  const params = [tag, count, prototypeDossierId];
  await dataSource.transaction(async (manager) => {
    await manager.query(BENCH_UUID_FUNCTION);
    await manager.query(
      `INSERT INTO users (id, email, display_name, password_hash, email_verified_at, roles, locale)
       SELECT bench_uuid('user', $1, n), 'bench-' || $1 || '-' || n || '@bench.subsidieportaal.be',
              'Bench ' || $1 || ' ' || n, u.password_hash, now(), ARRAY['applicant']::varchar[], 'nl'
         FROM generate_series(1, $2::int) n, dossiers d JOIN users u ON u.id = d.created_by
        WHERE d.id = $3`,
      params,
    );
    await manager.query(
      `INSERT INTO applicants (id, kind, legal_name, enterprise_number, policy_domains, address, iban, contact_name, contact_email)
       SELECT bench_uuid('applicant', $1, n), a.kind, 'vzw Bench ' || $1 || ' ' || n,
              '0' || lpad(($4::int + n)::text, 7, '0') || lpad((97 - ($4::int + n) % 97)::text, 2, '0'),
              a.policy_domains, a.address, a.iban, a.contact_name, a.contact_email
         FROM generate_series(1, $2::int) n, dossiers d JOIN applicants a ON a.id = d.applicant_id
        WHERE d.id = $3`,
      [...params, enterpriseBase],
    );
    await manager.query(
      `INSERT INTO applicant_members (applicant_id, user_id, role)
       SELECT bench_uuid('applicant', $1, n), bench_uuid('user', $1, n), 'admin'
         FROM generate_series(1, $2::int) n`,
      [tag, count],
    );
    await manager.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
       SELECT encode(sha256(convert_to($1 || '.' || n, 'UTF8')), 'hex'), bench_uuid('user', $1, n),
              now() + interval '6 hours', '127.0.0.1', 'bench'
         FROM generate_series(1, $2::int) n`,
      [tag, count],
    );
    // Each draft has its reference from the start, as DossierRepository.insertLiveIfOpen gives it (ADR 0021): the
    // call's next numbers, in the order n.
    await manager.query(
      `WITH numbered AS (
         UPDATE calls SET dossier_seq = dossier_seq + $2 WHERE id = $4 RETURNING code, dossier_seq - $2 AS base
       )
       INSERT INTO dossiers (id, call_id, applicant_id, slot, title, summary, answers, project_start, project_end,
                             budget_lines, own_contribution_cents, other_income_cents, requested_cents, created_by,
                             reference)
       SELECT bench_uuid('dossier', $1, n), $4::uuid, bench_uuid('applicant', $1, n), 0, d.title,
              d.summary, d.answers, d.project_start, d.project_end, d.budget_lines, d.own_contribution_cents,
              d.other_income_cents, d.requested_cents, bench_uuid('user', $1, n),
              c.code || '-' || lpad((c.base + n)::text, greatest(4, length((c.base + n)::text)), '0')
         FROM generate_series(1, $2::int) n, dossiers d, numbered c
        WHERE d.id = $3`,
      [...params, callId],
    );
    await manager.query(
      `INSERT INTO attachments (dossier_id, kind, filename, content_type, size_bytes, sha256, uploaded_by)
       SELECT bench_uuid('dossier', $1, n), a.kind, a.filename, a.content_type, a.size_bytes, a.sha256,
              bench_uuid('user', $1, n)
         FROM generate_series(1, $2::int) n, attachments a
        WHERE a.dossier_id = $3 AND a.removed_at IS NULL`,
      params,
    );
  });
  await dataSource.query('ANALYZE users, applicants, applicant_members, sessions, dossiers, attachments');
  const rows = await dataSource.query<Array<{ n: number; id: string; email: string }>>(
    `SELECT n, bench_uuid('dossier', $1, n) AS id, 'bench-' || $1 || '-' || n || '@bench.subsidieportaal.be' AS email
       FROM generate_series(1, $2::int) n ORDER BY n`,
    [tag, count],
  );
  return rows.map((row) => ({ n: row.n, dossierId: row.id, email: row.email, token: `${tag}.${row.n}` }));
}
