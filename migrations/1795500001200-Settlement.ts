import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settlement after the final report and the recovery of what was paid too much (ADR 0025). Tables and the rules the
 * database holds:
 * - a settlement per dossier (unique), never changed nor deleted; balance = entitled - paid (CHECK);
 * - once a dossier is settled, no payment takes it above its entitlement (PAYMENT_ABOVE_ENTITLED), under the call's
 *   row lock that every payment and the settlement itself take;
 * - a recovery per settlement with a negative balance, for exactly paid - entitled;
 * - a repayment never takes a recovery above its amount (RECOVERY_ABOVE_OPEN): each repayment locks its case row,
 *   adds itself to repaid_cents and closes the case (repaid) when the sum reaches the amount; repayments never change.
 * Refusals: SQLSTATE PL409 with the stable error code as message (ADR 0009).
 */
const EURO = (cents: string) => `'€ ' || translate(to_char(${cents} / 100.0, 'FM999,999,999,999,990.00'), ',.', '.,')`;

export class Settlement1795500001200 implements MigrationInterface {
  name = 'Settlement1795500001200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier_settlements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "call_id" uuid NOT NULL, "report_id" uuid NOT NULL, "granted_cents" bigint NOT NULL, "planned_costs_cents" bigint NOT NULL, "accepted_costs_cents" bigint NOT NULL, "entitled_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL, "balance_cents" bigint NOT NULL, "computed_by" uuid NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dossier_settlements_amounts" CHECK (granted_cents >= 0 AND planned_costs_cents >= 0 AND accepted_costs_cents >= 0 AND paid_cents >= 0 AND entitled_cents BETWEEN 0 AND granted_cents AND balance_cents = entitled_cents - paid_cents), CONSTRAINT "PK_dossier_settlements" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_settlements_dossier_unique" ON "dossier_settlements"  ("dossier_id") ',
    );
    await queryRunner.query('CREATE INDEX "dossier_settlements_call_idx" ON "dossier_settlements"  ("call_id") ');
    await queryRunner.query(
      'CREATE TABLE "recovery_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "call_id" uuid NOT NULL, "settlement_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "repaid_cents" bigint NOT NULL DEFAULT \'0\', "due_on" date NOT NULL, "status" character varying(10) NOT NULL DEFAULT \'open\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "repaid_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "recovery_cases_status_matches" CHECK ((status = \'repaid\') = (repaid_cents = amount_cents) AND (status = \'repaid\') = (repaid_at IS NOT NULL)), CONSTRAINT "recovery_cases_status" CHECK (status IN (\'open\',\'repaid\')), CONSTRAINT "recovery_cases_repaid_within" CHECK (repaid_cents BETWEEN 0 AND amount_cents), CONSTRAINT "recovery_cases_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_recovery_cases" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "recovery_cases_dossier_unique" ON "recovery_cases"  ("dossier_id") ');
    await queryRunner.query('CREATE INDEX "recovery_cases_call_idx" ON "recovery_cases"  ("call_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "recovery_cases_settlement_unique" ON "recovery_cases"  ("settlement_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "recovery_repayments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "paid_on" date NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recovery_repayments_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_recovery_repayments" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "recovery_repayments_case_idx" ON "recovery_repayments"  ("case_id") ');
    await queryRunner.query(
      'CREATE TABLE "recovery_reminders" ("case_id" uuid NOT NULL, "number" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f6494e34af0ffa0be7069a57d2f" PRIMARY KEY ("case_id", "number"))',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_settlements" ADD CONSTRAINT "dossier_settlements_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_settlements" ADD CONSTRAINT "dossier_settlements_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_dossier_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_call_fk" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_cases" ADD CONSTRAINT "recovery_cases_settlement_fk" FOREIGN KEY ("settlement_id") REFERENCES "dossier_settlements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_repayments" ADD CONSTRAINT "recovery_repayments_case_fk" FOREIGN KEY ("case_id") REFERENCES "recovery_cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_reminders" ADD CONSTRAINT "recovery_reminders_case_fk" FOREIGN KEY ("case_id") REFERENCES "recovery_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    await queryRunner.query(`
      CREATE FUNCTION dossier_settlements_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a settlement never changes: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER dossier_settlements_guard BEFORE UPDATE OR DELETE ON dossier_settlements
      FOR EACH ROW EXECUTE FUNCTION dossier_settlements_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION payments_entitlement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entitled bigint;
      BEGIN
        -- The same lock as payments_guard and the settlement: a settlement and a payment of a call never overlap.
        PERFORM 1 FROM calls c WHERE c.id = NEW.call_id FOR NO KEY UPDATE;
        SELECT s.entitled_cents INTO entitled FROM dossier_settlements s WHERE s.dossier_id = NEW.dossier_id;
        IF entitled IS NOT NULL AND
           (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.dossier_id = NEW.dossier_id)
             + NEW.amount_cents > entitled THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'PAYMENT_ABOVE_ENTITLED',
            DETAIL = json_build_object('entitledEuro', ${EURO('entitled')})::text;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER payments_entitlement_guard BEFORE INSERT ON payments
      FOR EACH ROW EXECUTE FUNCTION payments_entitlement_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION recovery_cases_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'recovery cases are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF NOT EXISTS (SELECT 1 FROM dossier_settlements s WHERE s.id = NEW.settlement_id
                            AND s.dossier_id = NEW.dossier_id AND s.call_id = NEW.call_id
                            AND s.balance_cents = -NEW.amount_cents) THEN
            RAISE EXCEPTION 'a recovery is for exactly the negative balance of its settlement'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF (NEW.id, NEW.dossier_id, NEW.call_id, NEW.settlement_id, NEW.amount_cents, NEW.due_on, NEW.created_at)
           IS DISTINCT FROM (OLD.id, OLD.dossier_id, OLD.call_id, OLD.settlement_id, OLD.amount_cents, OLD.due_on,
                             OLD.created_at) OR NEW.repaid_cents < OLD.repaid_cents THEN
          RAISE EXCEPTION 'a recovery only takes repayments' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER recovery_cases_guard BEFORE INSERT OR UPDATE OR DELETE ON recovery_cases
      FOR EACH ROW EXECUTE FUNCTION recovery_cases_guard()`);

    await queryRunner.query(`
      CREATE FUNCTION recovery_repayments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        amount bigint;
        repaid bigint;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'repayments never change: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- Two repayments of one case at once: the second waits here and sees what the first added.
        SELECT c.amount_cents, c.repaid_cents INTO amount, repaid FROM recovery_cases c WHERE c.id = NEW.case_id
           FOR UPDATE;
        IF repaid + NEW.amount_cents > amount THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'RECOVERY_ABOVE_OPEN',
            DETAIL = json_build_object('openEuro', ${EURO('(amount - repaid)')})::text;
        END IF;
        UPDATE recovery_cases
           SET repaid_cents = repaid + NEW.amount_cents,
               status = CASE WHEN repaid + NEW.amount_cents = amount THEN 'repaid' ELSE 'open' END,
               repaid_at = CASE WHEN repaid + NEW.amount_cents = amount THEN now() ELSE NULL END
         WHERE id = NEW.case_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER recovery_repayments_guard BEFORE INSERT OR UPDATE OR DELETE
      ON recovery_repayments FOR EACH ROW EXECUTE FUNCTION recovery_repayments_guard()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER recovery_repayments_guard ON recovery_repayments');
    await queryRunner.query('DROP FUNCTION recovery_repayments_guard()');
    await queryRunner.query('DROP TRIGGER recovery_cases_guard ON recovery_cases');
    await queryRunner.query('DROP FUNCTION recovery_cases_guard()');
    await queryRunner.query('DROP TRIGGER payments_entitlement_guard ON payments');
    await queryRunner.query('DROP FUNCTION payments_entitlement_guard()');
    await queryRunner.query('DROP TRIGGER dossier_settlements_guard ON dossier_settlements');
    await queryRunner.query('DROP FUNCTION dossier_settlements_guard()');
    await queryRunner.query('ALTER TABLE "recovery_reminders" DROP CONSTRAINT "recovery_reminders_case_fk"');
    await queryRunner.query('ALTER TABLE "recovery_repayments" DROP CONSTRAINT "recovery_repayments_case_fk"');
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP CONSTRAINT "recovery_cases_settlement_fk"');
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP CONSTRAINT "recovery_cases_call_fk"');
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP CONSTRAINT "recovery_cases_dossier_fk"');
    await queryRunner.query('ALTER TABLE "dossier_settlements" DROP CONSTRAINT "dossier_settlements_call_fk"');
    await queryRunner.query('ALTER TABLE "dossier_settlements" DROP CONSTRAINT "dossier_settlements_dossier_fk"');
    await queryRunner.query('DROP TABLE "recovery_reminders"');
    await queryRunner.query('DROP INDEX "public"."recovery_repayments_case_idx"');
    await queryRunner.query('DROP TABLE "recovery_repayments"');
    await queryRunner.query('DROP INDEX "public"."recovery_cases_settlement_unique"');
    await queryRunner.query('DROP INDEX "public"."recovery_cases_call_idx"');
    await queryRunner.query('DROP INDEX "public"."recovery_cases_dossier_unique"');
    await queryRunner.query('DROP TABLE "recovery_cases"');
    await queryRunner.query('DROP INDEX "public"."dossier_settlements_call_idx"');
    await queryRunner.query('DROP INDEX "public"."dossier_settlements_dossier_unique"');
    await queryRunner.query('DROP TABLE "dossier_settlements"');
  }
}
