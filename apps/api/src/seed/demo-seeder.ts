import type { DataSource } from 'typeorm';
import { ApplicantEntity, ApplicantMemberEntity, CallEntity, UserEntity } from '@portal/server';
import { PasswordHasher } from '../users/password-hasher';
import { DEMO_ACCOUNTS, DEMO_APPLICANT, DEMO_LOCAL_GOVERNMENT, DEMO_PASSWORD } from './demo-accounts';
import { demoCall, demoPlanSamenlevenCall, planSamenlevenCall, referenceCall } from './demo-calls';

/**
 * Idempotent: running it twice leaves the same rows. Existing rows are kept as they are
 * (someone may have changed a password or a call); only missing ones are created.
 */
export async function seedDemoData(dataSource: DataSource): Promise<{ created: string[] }> {
  const hasher = new PasswordHasher();
  const created: string[] = [];
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const result = await dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      // Demo accounts count as confirmed (ADR 0014): the demo starts where a real person would after the mail.
      .values({ ...account, passwordHash, emailVerifiedAt: () => 'now()' })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length > 0) created.push(account.email);
  }

  const [{ now }] = await dataSource.query<Array<{ now: Date }>>('SELECT now() AS now');
  for (const call of [referenceCall(), demoCall(now), planSamenlevenCall(), demoPlanSamenlevenCall(now)]) {
    const result = await dataSource
      .createQueryBuilder()
      .insert()
      .into(CallEntity)
      .values(call)
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length > 0) created.push(`call ${call.code}`);
  }

  const applicant = await dataSource
    .createQueryBuilder()
    .insert()
    .into(ApplicantEntity)
    .values(DEMO_APPLICANT)
    .orIgnore()
    .returning(['id'])
    .execute();
  if ((applicant.raw as unknown[]).length > 0) created.push(`applicant ${DEMO_APPLICANT.legalName}`);
  const [owner] = await dataSource.query<Array<{ applicant_id: string; user_id: string }>>(
    `SELECT a.id AS applicant_id, u.id AS user_id FROM applicants a, users u WHERE a.enterprise_number = $1 AND u.email = $2`,
    [DEMO_APPLICANT.enterpriseNumber, DEMO_ACCOUNTS[0].email],
  );
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(ApplicantMemberEntity)
    .values({ applicantId: owner.applicant_id, userId: owner.user_id, role: 'admin' })
    .orIgnore()
    .execute();

  const localGovernment = await dataSource
    .createQueryBuilder()
    .insert()
    .into(ApplicantEntity)
    .values(DEMO_LOCAL_GOVERNMENT)
    .orIgnore()
    .returning(['id'])
    .execute();
  if ((localGovernment.raw as unknown[]).length > 0) created.push(`applicant ${DEMO_LOCAL_GOVERNMENT.legalName}`);
  await dataSource.query(
    `INSERT INTO applicant_members (applicant_id, user_id, role)
     SELECT a.id, u.id, 'admin' FROM applicants a, users u WHERE a.nis_code = $1 AND u.email = $2
     ON CONFLICT DO NOTHING`,
    [DEMO_LOCAL_GOVERNMENT.nisCode, DEMO_ACCOUNTS[0].email],
  );
  // The demo organisations were checked by the administration, as they would be in practice.
  await dataSource.query(
    `UPDATE applicants SET verification_status = 'verified', verified_at = now(),
            verified_by = (SELECT id FROM users WHERE email = $3)
      WHERE verification_status = 'to_verify' AND (enterprise_number = $1 OR nis_code = $2)`,
    [DEMO_APPLICANT.enterpriseNumber, DEMO_LOCAL_GOVERNMENT.nisCode, DEMO_ACCOUNTS[1].email],
  );
  return { created };
}
