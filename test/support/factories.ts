import { type RegisterApplicantInput, type Role } from '@portal/contracts';
import { CallEntity, UserEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '../../apps/api/src/users/password-hasher';
import { DEMO_ATTACHMENTS, DEMO_QUESTIONS } from '../../apps/api/src/seed/demo-calls';
import { DEMO_PASSWORD, session, type Session, type TestApi } from './test-app';

const hasher = new PasswordHasher();
let cachedHash: Promise<string> | undefined;

/**
 * A user with the demo password (hashed once per file: argon2 is slow on purpose) and, unless the test is about
 * confirming it, a confirmed e-mail address (as after opening the link of the confirmation mail).
 */
export async function createUser(
  api: TestApi,
  roles: Role[] = ['applicant'],
  options: { emailVerified?: boolean } = {},
): Promise<string> {
  const email = `user-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
  cachedHash ??= hasher.hash(DEMO_PASSWORD);
  await api.dataSource.getRepository(UserEntity).insert({
    email,
    displayName: email,
    passwordHash: await cachedHash,
    roles,
    locale: 'nl',
    emailVerifiedAt: options.emailVerified === false ? null : new Date(),
  });
  return email;
}

export function organisationInput(overrides: Partial<RegisterApplicantInput> = {}): RegisterApplicantInput {
  // A random valid KBO number: 0 + 7 digits, then 97 - (those 8 digits mod 97).
  const base = 1_000_000 + Math.floor(Math.random() * 8_999_999);
  const kbo = `0${base}${String(97 - (base % 97)).padStart(2, '0')}`;
  return {
    kind: 'organisation',
    legalName: `vzw Test ${randomBytes(3).toString('hex')}`,
    enterpriseNumber: kbo,
    policyDomains: ['Jeugd'],
    address: { street: 'Stationsstraat 10', postalCode: '2000', city: 'Antwerpen' },
    iban: 'BE68 5390 0754 7034',
    contactName: 'Test Persoon',
    contactEmail: 'test@example.org',
    ...overrides,
  };
}

/** A logged-in applicant who acts for a freshly registered organisation. */
export async function applicantWithOrganisation(
  api: TestApi,
  overrides: Partial<RegisterApplicantInput> = {},
): Promise<Session & { applicantId: string }> {
  const user = await session(api, await createUser(api));
  const response = await user.agent.post('/api/v1/applicants').send(organisationInput(overrides)).expect(201);
  return { ...user, applicantId: response.body.id as string };
}

/** A published call, open by the database clock unless told otherwise (`closesIn` / `opensIn` are SQL intervals). */
export async function createCall(
  api: TestApi,
  options: { closesIn?: string; opensIn?: string; overrides?: Partial<CallEntity> } = {},
): Promise<CallEntity> {
  const code = `T-${randomBytes(4).toString('hex').toUpperCase()}`;
  const [{ opens_at, closes_at }] = await api.dataSource.query<Array<{ opens_at: Date; closes_at: Date }>>(
    `SELECT now() + $1::interval AS opens_at, now() + $2::interval AS closes_at`,
    [options.opensIn ?? '-1 hour', options.closesIn ?? '1 hour'],
  );
  const repository = api.dataSource.getRepository(CallEntity);
  return repository.save(
    repository.create({
      code,
      title: `Testoproep ${code}`,
      description: 'Een oproep voor tests',
      kind: 'project',
      status: 'published',
      applicantKinds: ['organisation'],
      policyDomains: ['Cultuur', 'Jeugd', 'Sport', 'Welzijn'],
      opensAt: opens_at,
      closesAt: closes_at,
      maxRequestedCents: 10_000_000,
      budgetCents: 212_500_000,
      projectStart: '2027-01-01',
      projectEnd: '2027-12-31',
      oneDossierPerApplicant: true,
      attachments: DEMO_ATTACHMENTS,
      questions: DEMO_QUESTIONS,
      criteria: [],
      tieBreak: ['criteria-in-order', 'earlier-submission'],
      publishedAt: opens_at,
      ...options.overrides,
    }),
  );
}

/** A minimal but real PDF: enough for content sniffing. */
export function pdfBuffer(text = 'Begroting'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
}

export const COMPLETE_DRAFT = {
  title: 'Zomer in de buurt',
  summary: 'Buurtactiviteiten voor kwetsbare jongeren tijdens de zomer.',
  answers: {
    TARGET_GROUP: 'Jongeren in maatschappelijk kwetsbare situaties uit drie wijken.',
    REACH: 120,
    DOMAIN: 'Jeugd',
  },
  projectStart: '2027-05-01',
  projectEnd: '2027-12-31',
  budgetLines: [
    { description: 'Begeleiding', amountCents: 6_000_000 },
    { description: 'Materiaal', amountCents: 2_000_000 },
  ],
  ownContributionCents: 500_000,
  otherIncomeCents: 1_000_000,
  requestedCents: 7_000_000,
};

/** Starts a dossier, fills it completely and uploads the required attachment; returns the dossier id and version. */
export async function completeDossier(
  api: TestApi,
  user: Session & { applicantId: string },
  callId: string,
): Promise<{ id: string; version: number }> {
  const started = await user.agent.post(`/api/v1/calls/${callId}/dossiers`).send({ applicantId: user.applicantId });
  if (started.status !== 201 && started.status !== 200)
    throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
  const id = started.body.id as string;
  const saved = await user.agent
    .patch(`/api/v1/dossiers/${id}`)
    .set('If-Match', String(started.body.version))
    .send(COMPLETE_DRAFT)
    .expect(200);
  await user.agent
    .post(`/api/v1/dossiers/${id}/attachments`)
    .field('kind', 'BEGROTING')
    .attach('file', pdfBuffer(), 'begroting.pdf')
    .expect(201);
  return { id, version: saved.body.version as number };
}

/**
 * Moves the call's deadline into the past, with its submissions an hour before it: as if the call closed on time
 * (both the submission rows and the dossiers' own submitted_at). Submitted versions are immutable (ADR 0009), so this
 * fabricated history is written with the lifecycle triggers off for one transaction (a superuser's privilege).
 */
export async function closeCallOnTime(api: TestApi, callId: string): Promise<void> {
  await withTriggersOff(api, async (query) => {
    await query(
      `UPDATE dossier_submissions SET submitted_at = now() - interval '1 hour' WHERE dossier_id IN (SELECT id FROM dossiers WHERE call_id = $1)`,
      [callId],
    );
    await query(
      `UPDATE dossiers SET submitted_at = now() - interval '1 hour' WHERE call_id = $1 AND submitted_at IS NOT NULL`,
      [callId],
    );
    await query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [callId]);
  });
}

/** Runs fixture statements with the database's triggers off (session_replication_role = replica) in one transaction. */
export async function withTriggersOff(
  api: TestApi,
  work: (query: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  await api.dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL session_replication_role = replica');
    await work((sql, parameters) => manager.query(sql, parameters));
  });
}
