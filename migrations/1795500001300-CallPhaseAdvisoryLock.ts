import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The phase lock of a call without the call row (ADR 0021, amending ADR 0009's FOR SHARE): a write that depends on
 * the call's phase takes the call's transaction-level advisory lock in SHARED mode, then reads the phase in a new
 * statement (a fresh snapshot in READ COMMITTED, taken after the lock was granted); every change of the call row other
 * than its reference counter takes the same advisory lock EXCLUSIVE (trigger `calls_phase_lock`, fired after the row is
 * locked). Writers and phase changes still serialise, but concurrent writers no longer share-lock one row: each new
 * FOR SHARE locker of a row already share-locked made a new MultiXact (all members copied) and dirtied the call's
 * buffer, so the database's work per submit grew with the number of concurrent submits.
 * The lock order stays the one the code already follows: the call row first (FOR SHARE/UPDATE, the counter), then the
 * advisory lock. The key: `call_lock_key`, a stable 64-bit hash of the call id with this migration's seed.
 */
export class CallPhaseAdvisoryLock1795500001300 implements MigrationInterface {
  name = 'CallPhaseAdvisoryLock1795500001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE FUNCTION call_lock_key(p_call uuid) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT hashtextextended(p_call::text, 1795500001300)
      $$`);
    await q(`
      CREATE OR REPLACE FUNCTION call_phase_for_write(p_call uuid) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE c calls;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(call_lock_key(p_call));
        SELECT * INTO c FROM calls WHERE id = p_call;
        IF NOT FOUND THEN RETURN 'draft'; END IF;
        RETURN call_phase(c);
      END $$`);
    // Every change of a call except its reference counter (DossierRepository.insertLiveIfOpen, a start during the
    // rush) waits for the phase-dependent writes in flight and holds the next ones back, as the row lock did.
    await q(`
      CREATE FUNCTION calls_phase_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE probe calls;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          probe := NEW;
          probe.dossier_seq := OLD.dossier_seq;
          IF probe IS NOT DISTINCT FROM OLD THEN RETURN NEW; END IF;
        END IF;
        PERFORM pg_advisory_xact_lock(call_lock_key(OLD.id));
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    // Named to fire before calls_lifecycle (BEFORE triggers fire in name order).
    await q(
      `CREATE TRIGGER calls_0_phase_lock BEFORE UPDATE OR DELETE ON calls FOR EACH ROW EXECUTE FUNCTION calls_phase_lock()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER calls_0_phase_lock ON calls`);
    await q(`DROP FUNCTION calls_phase_lock()`);
    await q(`
      CREATE OR REPLACE FUNCTION call_phase_for_write(p_call uuid) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE c calls;
      BEGIN
        SELECT * INTO c FROM calls WHERE id = p_call FOR SHARE;
        IF NOT FOUND THEN RETURN 'draft'; END IF;
        RETURN call_phase(c);
      END $$`);
    await q(`DROP FUNCTION call_lock_key(uuid)`);
  }
}
