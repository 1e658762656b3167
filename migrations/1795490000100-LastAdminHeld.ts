import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal always keeps an active administrator, held by the database as well as the staff service (ADR 0012):
 * after any change that takes the admin role or activity from an active admin, at least one must remain. Changes of
 * admins serialise on one advisory lock, so two admins demoting each other at the same moment cannot both commit.
 */
export class LastAdminHeld1795490000100 implements MigrationInterface {
  name = 'LastAdminHeld1795490000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION users_keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('portal.users.last-admin'));
        IF NOT EXISTS (SELECT 1 FROM users WHERE 'admin' = ANY(roles) AND deactivated_at IS NULL) THEN
          RAISE EXCEPTION USING ERRCODE = 'PL409', MESSAGE = 'LAST_ADMIN', DETAIL = '{}';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_keep_an_admin AFTER UPDATE OF roles, deactivated_at OR DELETE ON users
      FOR EACH ROW WHEN ('admin' = ANY(OLD.roles) AND OLD.deactivated_at IS NULL)
      EXECUTE FUNCTION users_keep_an_admin()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER users_keep_an_admin ON users');
    await queryRunner.query('DROP FUNCTION users_keep_an_admin()');
  }
}
