import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier gets its reference (the call's next number) when it is started, no longer at its first submission
 * (ADR 0021). The drafts of open calls that have none yet get theirs now, in the order they were started, after the
 * numbers the call already gave. Drafts of calls that are no longer open keep none (the phase forbids changing them);
 * a submit of a dossier without a reference still takes the call's next number.
 * No schema change: the column and its unique index stay as they are.
 */
export class DossierReferenceAtStart1795500000800 implements MigrationInterface {
  name = 'DossierReferenceAtStart1795500000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TEMPORARY TABLE numbered_drafts ON COMMIT DROP AS
      SELECT d.id, d.call_id, c.code,
             c.dossier_seq + row_number() OVER (PARTITION BY d.call_id ORDER BY d.created_at, d.id) AS seq
        FROM dossiers d JOIN calls c ON c.id = d.call_id
       WHERE d.reference IS NULL AND d.status = 'draft' AND call_phase(c) = 'published'`);
    await queryRunner.query(`
      UPDATE calls c SET dossier_seq = n.seq
        FROM (SELECT call_id, max(seq) AS seq FROM numbered_drafts GROUP BY call_id) n
       WHERE c.id = n.call_id`);
    await queryRunner.query(`
      UPDATE dossiers d SET reference = n.code || '-' || repeat('0', greatest(0, 4 - length(n.seq::text))) || n.seq
        FROM numbered_drafts n
       WHERE d.id = n.id`);
  }

  async down(): Promise<void> {
    // The references given stay: numbers that were handed out are never taken back (they would leave gaps).
  }
}
