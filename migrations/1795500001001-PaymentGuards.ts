import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules of acceptance and payments that the database holds (ADR 0023), next to the checks the API makes first:
 * - an acceptance is given for an awarded dossier only, and never changes;
 * - a payment (row in payments) needs an accepted award, and never takes a dossier above its granted amount nor a call
 *   above its budget: every payment of a call serialises on the call row (FOR NO KEY UPDATE), so two batches approved
 *   at once are summed one after the other; a tranche is paid once (unique index payments_tranche_once);
 * - payments never change but for being marked paid once, and are never deleted;
 * - a tranche is in at most one batch that is not cancelled; items go only into open batches;
 * - a batch moves open -> approved -> paid or open -> cancelled (the four eyes are a CHECK of the table);
 * - a call's schedule sums to 100 % (checked at commit) and is fixed once the call has a batch that is not cancelled.
 * Refusals: SQLSTATE PL409 with the stable error code as message, as the lifecycle triggers (ADR 0009).
 */
const EURO = (cents: string) => `'€ ' || translate(to_char(${cents} / 100.0, 'FM999,999,999,999,990.00'), ',.', '.,')`;

export class PaymentGuards1795500001001 implements MigrationInterface {
  name = 'PaymentGuards1795500001001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION award_acceptances_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'award_acceptances is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = NEW.dossier_id AND d.call_id = NEW.call_id
                          AND d.status = 'awarded' AND d.granted_cents > 0) THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'NOT_AWARDED', DETAIL = '{"status":"not awarded"}';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER award_acceptances_guard BEFORE INSERT OR UPDATE OR DELETE ON award_acceptances
      FOR EACH ROW EXECUTE FUNCTION award_acceptances_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION payments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        budget bigint;
        granted bigint;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'payments are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF OLD.paid_at IS NOT NULL OR NEW.paid_at IS NULL OR NEW.execution_date IS NULL
             OR (NEW.id, NEW.batch_id, NEW.dossier_id, NEW.call_id, NEW.tranche_position, NEW.amount_cents,
                 NEW.creditor_iban, NEW.approved_at)
                IS DISTINCT FROM (OLD.id, OLD.batch_id, OLD.dossier_id, OLD.call_id, OLD.tranche_position,
                 OLD.amount_cents, OLD.creditor_iban, OLD.approved_at) THEN
            RAISE EXCEPTION 'a payment is only marked paid, once' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        -- Every payment of a call waits for the one before it: the sums below see what it committed.
        SELECT c.budget_cents INTO budget FROM calls c WHERE c.id = NEW.call_id FOR NO KEY UPDATE;
        SELECT d.granted_cents INTO granted FROM dossiers d
         WHERE d.id = NEW.dossier_id AND d.call_id = NEW.call_id AND d.status = 'awarded';
        IF granted IS NULL OR NOT EXISTS (SELECT 1 FROM award_acceptances a
                                           WHERE a.dossier_id = NEW.dossier_id AND a.decision = 'accepted') THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'NOT_AWARDED', DETAIL = '{"status":"not accepted"}';
        END IF;
        IF (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.dossier_id = NEW.dossier_id)
             + NEW.amount_cents > granted THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'PAYMENT_ABOVE_GRANTED',
            DETAIL = json_build_object('grantedEuro', ${EURO('granted')})::text;
        END IF;
        IF (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.call_id = NEW.call_id)
             + NEW.amount_cents > budget THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'PAYMENT_ABOVE_BUDGET',
            DETAIL = json_build_object('budgetEuro', ${EURO('budget')})::text;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER payments_guard BEFORE INSERT OR UPDATE OR DELETE ON payments
      FOR EACH ROW EXECUTE FUNCTION payments_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION payment_batch_items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        batch_call uuid;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'payment_batch_items never change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT b.call_id INTO batch_call FROM payment_batches b WHERE b.id = NEW.batch_id AND b.status = 'open';
        IF batch_call IS NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'BATCH_NOT_OPEN', DETAIL = '{"status":"closed"}';
        END IF;
        PERFORM 1 FROM calls c WHERE c.id = batch_call FOR NO KEY UPDATE;
        IF EXISTS (SELECT 1 FROM payment_batch_items i JOIN payment_batches b ON b.id = i.batch_id
                    WHERE i.dossier_id = NEW.dossier_id AND i.tranche_position = NEW.tranche_position
                      AND i.batch_id <> NEW.batch_id AND b.status <> 'cancelled') THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'TRANCHE_ALREADY_PAID';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER payment_batch_items_guard BEFORE INSERT OR UPDATE OR DELETE
      ON payment_batch_items FOR EACH ROW EXECUTE FUNCTION payment_batch_items_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION payment_batches_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'payment batches are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'INSERT' AND NEW.status <> 'open' THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'BATCH_NOT_OPEN', DETAIL = '{"status":"new"}';
        END IF;
        IF TG_OP = 'UPDATE' AND NOT (OLD.status = NEW.status AND OLD.status IN ('open')
            OR (OLD.status = 'open' AND NEW.status IN ('approved', 'cancelled'))
            OR (OLD.status = 'approved' AND NEW.status = 'paid')) THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'BATCH_NOT_OPEN',
            DETAIL = json_build_object('status', OLD.status)::text;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER payment_batches_guard BEFORE INSERT OR UPDATE OR DELETE ON payment_batches
      FOR EACH ROW EXECUTE FUNCTION payment_batches_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION payment_schedule_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.call_id ELSE NEW.call_id END;
      BEGIN
        PERFORM 1 FROM calls c WHERE c.id = target FOR NO KEY UPDATE;
        IF EXISTS (SELECT 1 FROM payment_batches b WHERE b.call_id = target AND b.status <> 'cancelled') THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'SCHEDULE_LOCKED';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER payment_schedule_guard BEFORE INSERT OR UPDATE OR DELETE
      ON payment_schedule_tranches FOR EACH ROW EXECUTE FUNCTION payment_schedule_guard()`);
    await queryRunner.query(`
      CREATE FUNCTION payment_schedule_sum() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.call_id ELSE NEW.call_id END;
        total bigint;
      BEGIN
        SELECT coalesce(sum(share_basis_points), 0) INTO total FROM payment_schedule_tranches WHERE call_id = target;
        IF total NOT IN (0, 10000) THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'SCHEDULE_INVALID',
            DETAIL = json_build_object('problem', 'sum ' || total || ' / 10000')::text;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE CONSTRAINT TRIGGER payment_schedule_sum AFTER INSERT OR UPDATE OR DELETE
      ON payment_schedule_tranches DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION payment_schedule_sum()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER payment_schedule_sum ON payment_schedule_tranches');
    await queryRunner.query('DROP FUNCTION payment_schedule_sum()');
    await queryRunner.query('DROP TRIGGER payment_schedule_guard ON payment_schedule_tranches');
    await queryRunner.query('DROP FUNCTION payment_schedule_guard()');
    await queryRunner.query('DROP TRIGGER payment_batches_guard ON payment_batches');
    await queryRunner.query('DROP FUNCTION payment_batches_guard()');
    await queryRunner.query('DROP TRIGGER payment_batch_items_guard ON payment_batch_items');
    await queryRunner.query('DROP FUNCTION payment_batch_items_guard()');
    await queryRunner.query('DROP TRIGGER payments_guard ON payments');
    await queryRunner.query('DROP FUNCTION payments_guard()');
    await queryRunner.query('DROP TRIGGER award_acceptances_guard ON award_acceptances');
    await queryRunner.query('DROP FUNCTION award_acceptances_guard()');
  }
}
