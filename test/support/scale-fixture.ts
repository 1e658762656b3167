import { canonicalJson, formatBrussels } from '@portal/domain';
import {
  ApplicantEntity,
  ApplicantMemberEntity,
  AttachmentEntity,
  AuditEventEntity,
  DossierEntity,
  DossierSubmissionEntity,
  NotificationEntity,
  UserEntity,
} from '@portal/server';
import { strict as assert } from 'node:assert';
import { createHash, randomUUID } from 'node:crypto';
import { referenceCall } from '../../apps/api/src/seed/demo-calls';
import { applicantWithOrganisation, completeDossier, createCall, createUser, withTriggersOff } from './factories';
import { DEMO, session, startApi, type Session, type TestApi } from './test-app';

/**
 * The scale fixture of issue #4 of the real call: the Connecteren call of 2020 (budget EUR 2,125,000, at most EUR 100,000 per
 * dossier) with 300 submitted dossiers, each scored by 3 of 12 reviewers. Two dossiers are submitted through the real
 * API; the other 298 are written straight into the database exactly as a submit writes them (cloned from the shape of
 * the real ones), so the setup stays fast. Everything of the assessment itself goes through the HTTP API. The expected ranking,
 * selection and totals are computed here, independently of the domain library.
 */

export const REFERENCE = referenceCall();
export const CRITERIA = REFERENCE.criteria; // TARGET w3 thr3, CONNECT w3 thr3, FEASIBLE w2 thr2.5, PARTNERS w1 thr0, BUDGET w1 thr2
export const BUDGET_CENTS = 212_500_000;
export const DOSSIERS = 300;
export const REAL_SUBMITS = 2;
export const REVIEWERS = 12; // 11 created here + the seeded demo reviewer
export const PER_DOSSIER = 3;
export const SEED = 20_200_607; // with these data the minister funds 59 dossiers, as in 2020
export const MINUTE = 60_000;

export type Version = {
  requestedCents: number;
  ownContributionCents: number;
  otherIncomeCents: number;
  budgetLines: Array<{ description: string; amountCents: number }>;
};

export interface PlannedDossier {
  /** The reference number: the order of the first submissions. */
  seq: number;
  legalName: string;
  policyDomains: string[];
  title: string;
  summary: string;
  answers: { TARGET_GROUP: string; REACH: number; DOMAIN: string };
  projectStart: string;
  projectEnd: string;
  /** An earlier submission with a higher request, when the applicant resubmitted before the deadline. */
  first: Version | null;
  final: Version;
  createdAfterMs: number;
  firstSubmittedAfterMs: number;
  finalSubmittedAfterMs: number;
  /** One score vector (in criteria order) per reviewer. */
  reviews: number[][];
}

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const TITLES = [
  'Zomer in de buurt',
  'Sportief verbonden',
  'Kunst op straat',
  'Buddy’s voor de vakantie',
  'Extra speelpleinweken',
  'Digitaal jeugdhuis',
  'Outreach in de wijk',
  'Kamp voor iedereen',
  'Samen naar buiten',
  'Circus zonder drempels',
];
export const KINDS = [
  'Buurtwerk',
  'Jeugdhuis',
  'Sportclub',
  'Kunstacademie',
  'Speelplein',
  'Welzijnsschakel',
  'Circusatelier',
];
export const CITIES = [
  'Antwerpen',
  'Gent',
  'Brugge',
  'Leuven',
  'Hasselt',
  'Mechelen',
  'Aalst',
  'Kortrijk',
  'Genk',
  'Oostende',
];
export const DOMAINS = ['Cultuur', 'Jeugd', 'Sport', 'Welzijn'];

export function plan(seed = SEED): PlannedDossier[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const gaussian = () => (random() + random() + random() + random() + random() + random() - 3) * Math.SQRT2;
  const halfPoint = (value: number, min: number, max: number) =>
    Math.round(Math.min(max, Math.max(min, value)) * 2) / 2;
  const version = (requestedCents: number): Version => {
    const otherIncomeCents = Math.floor(requestedCents * 0.15 * random());
    const ownContributionCents = Math.floor(requestedCents * 0.1 * random());
    const total = requestedCents + otherIncomeCents + ownContributionCents;
    const staff = Math.round(total * (0.55 + 0.2 * random()));
    return {
      requestedCents,
      ownContributionCents,
      otherIncomeCents,
      budgetLines: [
        { description: 'Begeleiding en personeel', amountCents: staff },
        { description: 'Materiaal, vervoer en activiteiten', amountCents: total - staff },
      ],
    };
  };
  const planned: PlannedDossier[] = [];
  for (let seq = 1; seq <= DOSSIERS; seq++) {
    // EUR 15,000.00 to EUR 99,999.99, most requests modest (as in 2020: 59 projects within EUR 2.1 million).
    const requested = 1_500_000 + Math.floor(8_500_000 * random() ** 3);
    const final = version(requested);
    const resubmitted = seq > REAL_SUBMITS && seq % 11 === 5;
    const first = resubmitted
      ? version(Math.min(9_999_999, requested + 10_000 + Math.floor(requested * 0.2 * random())))
      : null;
    const domain = pick(DOMAINS);
    const firstSubmittedAfterMs = seq * 2.5 * MINUTE + Math.floor(random() * MINUTE);
    const quality = 1.8 + 3.1 * random();
    const latent = CRITERIA.map(() => quality + 0.6 * gaussian());
    planned.push({
      seq,
      legalName: `vzw ${pick(KINDS)} ${pick(CITIES)} ${String(seq).padStart(3, '0')}`,
      policyDomains: random() < 0.3 ? [domain, pick(DOMAINS.filter((d) => d !== domain))] : [domain],
      title: `${pick(TITLES)} ${seq}`,
      summary: 'Activiteiten die kwetsbare kinderen en jongeren verbinden met de buurt en de buitenwereld.',
      answers: {
        TARGET_GROUP: 'Kinderen en jongeren in armoede of in een kwetsbare thuissituatie uit de wijk.',
        REACH: 10 + Math.floor(random() * 390),
        DOMAIN: domain,
      },
      projectStart: `2027-0${1 + Math.floor(random() * 6)}-01`,
      projectEnd: '2027-12-31',
      first,
      final,
      createdAfterMs: seq * MINUTE,
      firstSubmittedAfterMs,
      finalSubmittedAfterMs: resubmitted
        ? firstSubmittedAfterMs + 180 * MINUTE + Math.floor(random() * 120 * MINUTE)
        : firstSubmittedAfterMs,
      reviews: Array.from({ length: PER_DOSSIER }, () =>
        CRITERIA.map((c, k) => halfPoint(latent[k] + 0.5 * gaussian(), c.scaleMin, c.scaleMax)),
      ),
    });
  }
  return planned;
}

export function contentHash(content: object): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** A valid KBO number starting with 1, so it never collides with the factories' random ones (which start with 0). */
export function kboNumber(seq: number): string {
  const firstEight = 12_000_000 + seq * 13;
  return `${firstEight}${String(97 - (firstEight % 97)).padStart(2, '0')}`;
}

/** Runs `work` over the items with at most `limit` at a time. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failed = true; // the other workers stop too: nothing keeps writing while the next test runs
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** RFC 4180 with semicolons, as the export writes it (BOM, CRLF). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** "12345.67" -> 1234567, refusing anything that is not a plain amount with at most two decimals. */
export function euroToCents(text: string): number {
  expect(text).toMatch(/^\d+(,\d{1,2})?$/); // decimal comma: the CSV is made for Excel in nl-BE
  const [whole, fraction = ''] = text.split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export interface Expected {
  dossierId: string;
  reference: string;
  requestedCents: number;
  submittedAtMs: number;
  effective: Record<string, number>;
  total: number;
  sufficient: boolean;
  failing: string[];
}

/** Independently: sufficient first, then by weighted total, then criteria in call order, earlier submission, reference. */
export function decider(
  a: Expected,
  b: Expected,
): 'group' | 'total' | 'criteria-in-order' | 'earlier-submission' | 'reference' {
  if (a.sufficient !== b.sufficient) return 'group';
  if (a.total !== b.total) return 'total';
  if (CRITERIA.some((c) => a.effective[c.code] !== b.effective[c.code])) return 'criteria-in-order';
  if (a.submittedAtMs !== b.submittedAtMs) return 'earlier-submission';
  return 'reference';
}

export function compare(a: Expected, b: Expected): number {
  if (a.sufficient !== b.sufficient) return a.sufficient ? -1 : 1;
  if (a.total !== b.total) return b.total - a.total;
  for (const c of CRITERIA) {
    if (a.effective[c.code] !== b.effective[c.code]) return b.effective[c.code] - a.effective[c.code];
  }
  if (a.submittedAtMs !== b.submittedAtMs) return a.submittedAtMs - b.submittedAtMs;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

/** Independently: the sum of the three scores in half points, divided by 3, rounded (never exactly .5 with 3 reviews). */
export function meanScores(p: PlannedDossier): Record<string, number> {
  return Object.fromEntries(
    CRITERIA.map((c, k) => [c.code, Math.round(p.reviews.reduce((sum, v) => sum + v[k] * 2, 0) / 3) / 2]),
  );
}

export function failingOf(scores: Record<string, number>): string[] {
  return CRITERIA.filter((c) => scores[c.code] < c.threshold).map((c) => c.code);
}

export function totalOf(scores: Record<string, number>): number {
  return CRITERIA.reduce((sum, c) => sum + scores[c.code] * c.weight, 0);
}

/** The consensus the administration sets: lift the first dossier that misses only FEASIBLE, drop the best on TARGET. */
export function consensusPlan(planned: readonly PlannedDossier[]): Map<number, Record<string, number>> {
  const lifted = planned.find((p) => failingOf(meanScores(p)).join() === 'FEASIBLE')!;
  const best = planned
    .filter((p) => failingOf(meanScores(p)).length === 0)
    .sort((a, b) => totalOf(meanScores(b)) - totalOf(meanScores(a)) || a.seq - b.seq)[0];
  return new Map<number, Record<string, number>>([
    [lifted.seq, { FEASIBLE: 3 }],
    [best.seq, { TARGET: 2.5 }],
  ]);
}

/** What the ranking must show for each dossier, computed from the planned reviews and the consensus. */
export function expectations(
  planned: readonly PlannedDossier[],
  consensus: ReadonlyMap<number, Record<string, number>>,
  identify: (p: PlannedDossier) => { dossierId: string; reference: string; submittedAtMs: number },
): Expected[] {
  return planned.map((p) => {
    const effective = { ...meanScores(p), ...consensus.get(p.seq) };
    const failing = failingOf(effective);
    return {
      ...identify(p),
      requestedCents: p.final.requestedCents,
      effective,
      total: totalOf(effective),
      sufficient: failing.length === 0,
      failing,
    };
  });
}

export type Walked = Expected & {
  outcome: string;
  grantedCents: number;
  reason: string;
  reservePosition: number | null;
};

/** Independently: walk the ranking; a sufficient dossier is funded in full when it still fits, else it waits in reserve. */
export function selectionWalk(ranked: readonly Expected[], budgetCents: number): Walked[] {
  let remaining = budgetCents;
  let reserve = 0;
  return ranked.map((e) => {
    if (!e.sufficient)
      return { ...e, outcome: 'rejected', grantedCents: 0, reason: 'insufficient', reservePosition: null };
    if (e.requestedCents <= remaining) {
      remaining -= e.requestedCents;
      return {
        ...e,
        outcome: 'selected',
        grantedCents: e.requestedCents,
        reason: 'within-budget',
        reservePosition: null,
      };
    }
    return { ...e, outcome: 'reserve', grantedCents: 0, reason: 'does-not-fit', reservePosition: ++reserve };
  });
}

/** The longest prefix of the sufficient dossiers (in rank order) whose requests together stay within the budget. */
export function withinBudgetPrefix(ranked: readonly Expected[], budgetCents: number): Expected[] {
  const sufficient = ranked.filter((e) => e.sufficient);
  let cumulative = 0;
  let prefix = 0;
  while (prefix < sufficient.length && cumulative + sufficient[prefix].requestedCents <= budgetCents) {
    cumulative += sufficient[prefix].requestedCents;
    prefix++;
  }
  return sufficient.slice(0, prefix);
}

export interface ScaleFixture {
  api: TestApi;
  admin: Session;
  minister: Session;
  reviewers: Session[];
  callId: string;
  opensAt: Date;
  planned: PlannedDossier[];
  bySeq: Map<number, PlannedDossier>;
  /** seq -> dossier id and reference */
  ids: Map<number, { id: string; reference: string; ownerEmail: string }>;
  seqOf: Map<string, number>;
}

/** The closed call with its 300 submitted dossiers and 12 reviewers logged in, ready for the assessment. */
/** `overrides`: configuration of the API (the web benchmark serves its own build with WEB_DIST). */
export async function seedScaleCall(overrides: Record<string, string> = {}): Promise<ScaleFixture> {
  const planned = plan();
  const bySeq = new Map(planned.map((p) => [p.seq, p]));
  const reviewers: Session[] = [];
  const ids = new Map<number, { id: string; reference: string; ownerEmail: string }>();
  const seqOf = new Map<string, number>();
  let opensAt = new Date();
  const at = (afterMs: number) => new Date(opensAt.getTime() + afterMs);
  const api = await startApi({ overrides });
  const [admin, minister] = await Promise.all([session(api, DEMO.admin), session(api, DEMO.minister)]);
  const call = await createCall(api, {
    opensIn: '-1 day',
    closesIn: '1 hour',
    overrides: {
      title: REFERENCE.title,
      criteria: CRITERIA,
      tieBreak: REFERENCE.tieBreak,
      budgetCents: REFERENCE.budgetCents,
      maxRequestedCents: REFERENCE.maxRequestedCents,
      applicantKinds: REFERENCE.applicantKinds,
      policyDomains: REFERENCE.policyDomains,
    },
  });
  const callId = call.id;
  opensAt = call.opensAt;

  // Two dossiers through the real API: start, fill, upload, submit.
  for (let seq = 1; seq <= REAL_SUBMITS; seq++) {
    const p = bySeq.get(seq)!;
    const owner = await applicantWithOrganisation(api, { legalName: p.legalName, policyDomains: p.policyDomains });
    const { id, version } = await completeDossier(api, owner, callId);
    await owner.agent
      .patch(`/api/v1/dossiers/${id}`)
      .set('If-Match', String(version))
      .send({
        title: p.title,
        summary: p.summary,
        answers: p.answers,
        projectStart: p.projectStart,
        projectEnd: p.projectEnd,
        ...p.final,
      })
      .expect(200);
    const receipt = await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    const [{ email }] = await api.dataSource.query<Array<{ email: string }>>(
      'SELECT u.email FROM users u JOIN dossiers d ON d.created_by = u.id WHERE d.id = $1',
      [id],
    );
    ids.set(seq, { id, reference: receipt.body.reference as string, ownerEmail: email });
  }

  // The template: what a real submit wrote.
  const template = await api.dataSource.getRepository(DossierEntity).findOneByOrFail({ id: ids.get(1)!.id });
  const templateSubmission = await api.dataSource
    .getRepository(DossierSubmissionEntity)
    .findOneByOrFail({ dossierId: template.id });
  const [templateAttachment] = await api.dataSource.getRepository(AttachmentEntity).findBy({ dossierId: template.id });
  const templateOwner = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ id: template.createdBy });
  const templateApplicant = await api.dataSource
    .getRepository(ApplicantEntity)
    .findOneByOrFail({ id: template.applicantId });
  // Plain assertions (not jest's expect): the web benchmark seeds this call too.
  assert.equal(contentHash(templateSubmission.content), templateSubmission.contentHash);
  assert.equal(template.reference, `${call.code}-0001`);

  const users: Array<Partial<UserEntity>> = [];
  const applicants: Array<Partial<ApplicantEntity>> = [];
  const members: Array<Partial<ApplicantMemberEntity>> = [];
  const dossiers: Array<Partial<DossierEntity>> = [];
  const attachments: Array<Partial<AttachmentEntity>> = [];
  const submissions: Array<Partial<DossierSubmissionEntity>> = [];
  const audit: Array<Record<string, unknown>> = [];
  const notifications: Array<Record<string, unknown>> = [];
  for (const p of planned.filter((x) => x.seq > REAL_SUBMITS)) {
    const userId = randomUUID();
    const applicantId = randomUUID();
    const dossierId = randomUUID();
    const attachmentId = randomUUID();
    const email = `aanvrager-${String(p.seq).padStart(3, '0')}@schaal.subsidieportaal.be`;
    const displayName = `Contact ${p.legalName}`;
    const reference = `${call.code}-${String(p.seq).padStart(4, '0')}`;
    const createdAt = at(p.createdAfterMs);
    users.push({
      id: userId,
      email,
      displayName,
      passwordHash: templateOwner.passwordHash,
      roles: ['applicant'],
      locale: 'nl',
    });
    applicants.push({
      id: applicantId,
      kind: 'organisation',
      legalName: p.legalName,
      enterpriseNumber: kboNumber(p.seq),
      nisCode: null,
      policyDomains: p.policyDomains,
      address: templateApplicant.address,
      iban: templateApplicant.iban,
      contactName: displayName,
      contactEmail: email,
      contactPhone: null,
    });
    members.push({ applicantId, userId, role: 'admin' });
    attachments.push({
      id: attachmentId,
      dossierId,
      kind: templateAttachment.kind,
      filename: templateAttachment.filename,
      contentType: templateAttachment.contentType,
      sizeBytes: templateAttachment.sizeBytes,
      sha256: templateAttachment.sha256,
      uploadedBy: userId,
      createdAt: at(p.createdAfterMs + 30_000),
    });
    audit.push(
      {
        actorUserId: userId,
        action: 'dossier.created',
        entityType: 'dossier',
        entityId: dossierId,
        after: { callId, applicantId },
        occurredAt: createdAt,
      },
      {
        actorUserId: userId,
        action: 'dossier.attachment_added',
        entityType: 'dossier',
        entityId: dossierId,
        after: { attachmentId, kind: templateAttachment.kind, sha256: templateAttachment.sha256 },
        occurredAt: at(p.createdAfterMs + 30_000),
      },
    );
    const versions = p.first
      ? [
          { version: p.first, afterMs: p.firstSubmittedAfterMs },
          { version: p.final, afterMs: p.finalSubmittedAfterMs },
        ]
      : [{ version: p.final, afterMs: p.finalSubmittedAfterMs }];
    let lastHash = '';
    versions.forEach(({ version, afterMs }, index) => {
      const content = {
        title: p.title,
        summary: p.summary,
        answers: p.answers,
        projectStart: p.projectStart,
        projectEnd: p.projectEnd,
        ...version,
        attachments: [
          {
            id: attachmentId,
            kind: templateAttachment.kind,
            filename: templateAttachment.filename,
            sha256: templateAttachment.sha256,
            sizeBytes: templateAttachment.sizeBytes,
          },
        ],
      };
      const hash = contentHash(content);
      const submittedAt = at(afterMs);
      submissions.push({
        dossierId,
        number: index + 1,
        reference,
        submittedAt,
        content,
        contentHash: hash,
        idempotencyKey: null,
        submittedBy: userId,
      });
      audit.push({
        actorUserId: userId,
        action: 'dossier.submitted',
        entityType: 'dossier',
        entityId: dossierId,
        before: { status: index === 0 ? 'draft' : 'submitted', submissionCount: index },
        after: {
          status: 'submitted',
          reference,
          submissionNumber: index + 1,
          contentHash: hash,
          submittedAt: submittedAt.toISOString(),
        },
        occurredAt: submittedAt,
      });
      notifications.push({
        template: 'dossier.submitted',
        recipient: email,
        locale: 'nl',
        subjectRef: reference,
        status: 'pending',
        payload: {
          recipientName: displayName,
          reference,
          title: p.title,
          callTitle: call.title,
          submittedAt: submittedAt.toISOString(),
          submittedAtBrussels: formatBrussels(submittedAt),
          contentHash: hash,
          submissionNumber: index + 1,
          receiptUrl: `${api.config.APP_URL}/aanvrager/dossiers/${dossierId}/ontvangstbewijs`,
        },
      });
      lastHash = hash;
    });
    dossiers.push({
      id: dossierId,
      callId,
      applicantId,
      slot: 0,
      status: 'submitted',
      reference,
      version: p.first ? 3 : 2,
      title: p.title,
      summary: p.summary,
      answers: p.answers,
      projectStart: p.projectStart,
      projectEnd: p.projectEnd,
      ...p.final,
      submittedAt: at(p.finalSubmittedAfterMs),
      submissionCount: versions.length,
      lastContentHash: lastHash,
      grantedCents: null,
      createdBy: userId,
      createdAt,
    });
    ids.set(p.seq, { id: dossierId, reference, ownerEmail: email });
  }
  await api.dataSource.transaction(async (manager) => {
    await manager.insert(UserEntity, users);
    await manager.insert(ApplicantEntity, applicants);
    await manager.insert(ApplicantMemberEntity, members);
    await manager.insert(DossierEntity, dossiers);
    await manager.insert(AttachmentEntity, attachments);
    await manager.insert(DossierSubmissionEntity, submissions as never);
    await manager.insert(AuditEventEntity, audit);
    await manager.insert(NotificationEntity, notifications);
    // A real submit hands out the reference numbers from the call's sequence.
    await manager.query('UPDATE calls SET dossier_seq = $2 WHERE id = $1', [callId, DOSSIERS]);
  });
  // The two real submissions get their planned moments too; then the deadline passes.
  // Fabricated history: submitted versions are immutable (ADR 0009), so the lifecycle triggers are off for this.
  await withTriggersOff(api, async (query) => {
    for (let seq = 1; seq <= REAL_SUBMITS; seq++) {
      const moment = at(bySeq.get(seq)!.finalSubmittedAfterMs);
      await query('UPDATE dossier_submissions SET submitted_at = $2 WHERE dossier_id = $1', [ids.get(seq)!.id, moment]);
      await query('UPDATE dossiers SET submitted_at = $2 WHERE id = $1', [ids.get(seq)!.id, moment]);
    }
    await query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = $1`, [callId]);
  });
  for (const [seq, { id }] of ids) seqOf.set(id, seq);

  for (let i = 0; i < REVIEWERS - 1; i++) await createUser(api, ['reviewer']);
  const emails = (
    await api.dataSource.query<Array<{ email: string }>>(
      `SELECT email FROM users WHERE 'reviewer' = ANY(roles) ORDER BY email`,
    )
  ).map((row) => row.email);
  assert.equal(emails.length, REVIEWERS);
  assert.ok(emails.includes(DEMO.reviewer), `${DEMO.reviewer} is a reviewer`);
  reviewers.push(...(await Promise.all(emails.map((email) => session(api, email)))));
  return { api, admin, minister, reviewers, callId, opensAt, planned, bySeq, ids, seqOf };
}
