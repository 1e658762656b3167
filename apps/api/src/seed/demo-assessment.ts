import type { INestApplicationContext } from '@nestjs/common';
import { CallEntity, UserEntity } from '@portal/server';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ApplicantsService } from '../applicants/applicants.service';
import { AdmissibilityService } from '../assessment/admissibility.service';
import { ApprovalService } from '../assessment/approval.service';
import { RankingService } from '../assessment/ranking.service';
import { PanelService } from '../assessment/panel.service';
import { ReviewAssignmentService } from '../assessment/review-assignment.service';
import { ReviewsService } from '../assessment/reviews.service';
import { ScoresService } from '../assessment/scores.service';
import type { AuthContext } from '../common/request-context';
import { DossierAttachmentsService } from '../dossiers/dossier-attachments.service';
import { UploadStaging } from '../dossiers/upload-staging';
import { DossierSubmissionService } from '../dossiers/dossier-submission.service';
import { DossiersService } from '../dossiers/dossiers.service';
import { PasswordHasher } from '../users/password-hasher';
import { toUserView } from '../users/user-view';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { referenceCallCopy } from './demo-calls';

export const ASSESSMENT_DEMO_CALL = 'GV-CONNECT-DEMO-BEOORDELING';
export const CABINET_DEMO_CALL = 'GV-CONNECT-DEMO-KABINET';

/**
 * Twelve organisations of the demo at real addresses (the postcode is the city's); amounts and scores are fixed so
 * every run gives the same ranking. `level` is the dossier's quality: each criterion scores around it.
 */
export const DEMO_PROJECTS: ReadonlyArray<{
  organisation: string;
  street: string;
  postalCode: string;
  city: string;
  title: string;
  euros: number;
  level: number;
}> = [
  {
    organisation: 'vzw Buurtwerk De Schakel',
    street: 'Sleepstraat 65',
    postalCode: '9000',
    city: 'Gent',
    title: 'Zomer op het plein',
    euros: 62_500,
    level: 4.5,
  },
  {
    organisation: 'vzw Jeugdhuis Kompas',
    street: 'Kuringersteenweg 24',
    postalCode: '3500',
    city: 'Hasselt',
    title: 'Samen de stad in',
    euros: 48_000,
    level: 4,
  },
  {
    organisation: 'vzw Speelpleinwerking Ravot',
    street: 'Tiensevest 110',
    postalCode: '3000',
    city: 'Leuven',
    title: 'Ravotten in de wijk',
    euros: 35_750,
    level: 4,
  },
  {
    organisation: 'vzw Sportaround',
    street: 'Kammenstraat 59',
    postalCode: '2000',
    city: 'Antwerpen',
    title: 'Sport aan huis',
    euros: 91_200,
    level: 3.5,
  },
  {
    organisation: 'vzw Kunstbende Oost',
    street: 'Molenstraat 51',
    postalCode: '9300',
    city: 'Aalst',
    title: 'Atelier op wielen',
    euros: 27_300,
    level: 3.5,
  },
  {
    organisation: 'vzw Brugfiguren Noord',
    street: 'Langestraat 80',
    postalCode: '8000',
    city: 'Brugge',
    title: 'School en thuis verbonden',
    euros: 54_900,
    level: 3,
  },
  {
    organisation: 'vzw Natuurpunt Jeugd',
    street: 'Nekkerspoel 12',
    postalCode: '2800',
    city: 'Mechelen',
    title: 'Het bos als klaslokaal',
    euros: 41_000,
    level: 3,
  },
  {
    organisation: 'vzw Circus Zonder Grenzen',
    street: 'Doorniksesteenweg 39',
    postalCode: '8500',
    city: 'Kortrijk',
    title: 'Jongleren met talent',
    euros: 73_450,
    level: 3,
  },
  {
    organisation: 'vzw Digitaal Dorp',
    street: 'Vennestraat 101',
    postalCode: '3600',
    city: 'Genk',
    title: 'Laptops en lessen',
    euros: 22_800,
    level: 2.5,
  },
  {
    organisation: 'vzw Muziekwerf',
    street: 'Gasthuisstraat 27',
    postalCode: '2300',
    city: 'Turnhout',
    title: 'Band in de buurt',
    euros: 38_600,
    level: 2.5,
  },
  {
    organisation: 'vzw De Leesclub',
    street: 'Stationsstraat 44',
    postalCode: '9100',
    city: 'Sint-Niklaas',
    title: 'Verhalen voor iedereen',
    euros: 19_950,
    level: 2,
  },
  {
    organisation: 'vzw Buitenspel',
    street: 'Noordstraat 97',
    postalCode: '8800',
    city: 'Roeselare',
    title: 'Ploegsport voor nieuwkomers',
    euros: 66_000,
    level: 1.5,
  },
];
const PROJECTS = DEMO_PROJECTS;

/** Per criterion the score moves around the dossier's level, differently for each dossier (whole half points). */
const CRITERION_OFFSETS = [0, 0.5, -0.5, 0, -0.5];

export function demoScore(level: number, criterionIndex: number, projectIndex: number, scaleMax: number): number {
  const raw = level + CRITERION_OFFSETS[(criterionIndex + projectIndex) % CRITERION_OFFSETS.length];
  return Math.max(0, Math.min(scaleMax, Math.round(raw * 2) / 2));
}

/** A valid KBO number from a small seed: 0 + 7 digits, then 97 - (those 8 digits mod 97). */
function enterpriseNumber(index: number): string {
  const base = 7_100_000 + index * 7_919;
  return `0${base}${String(97 - (base % 97)).padStart(2, '0')}`;
}

function minimalPdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${label}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
}

/**
 * Two closed copies of the Connecteren call after their deadline, so `npm start` shows every screen of the
 * assessment: twelve organisations submitted to both through the real services and were declared admissible.
 * - {@link ASSESSMENT_DEMO_CALL}: the demo reviewer scored nine of them and three are still to do; the
 *   administration set a consensus for those three and computed a preview proposal, which cannot go to the minister
 *   while reviews are open (ADR 0009).
 * - {@link CABINET_DEMO_CALL}: every review is in, and the selection proposal waits for the minister.
 * Idempotent: nothing happens when the first call exists.
 */
export async function seedAssessmentDemo(app: INestApplicationContext): Promise<string | null> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (await dataSource.getRepository(CallEntity).existsBy({ code: ASSESSMENT_DEMO_CALL })) return null;
  const user = async (email: string): Promise<AuthContext> => ({
    user: toUserView(await dataSource.getRepository(UserEntity).findOneByOrFail({ email })),
    sessionId: 'seed',
    requestId: null,
  });
  const admin = await user(DEMO_ACCOUNTS.find((a) => a.roles.includes('admin'))!.email);
  const reviewer = await user(DEMO_ACCOUNTS.find((a) => a.roles.includes('reviewer'))!.email);
  const [{ now }] = await dataSource.query<Array<{ now: Date }>>('SELECT now() AS now');
  const year = DateTime.fromJSDate(now).year + 1;

  const applicants = app.get(ApplicantsService);
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  const organisations: Array<{ owner: AuthContext; applicantId: string }> = [];
  for (const [index, project] of PROJECTS.entries()) {
    const email = `contact${String(index + 1).padStart(2, '0')}@demo.subsidieportaal.be`;
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({
        email,
        displayName: `Coördinator ${project.organisation}`,
        roles: ['applicant'],
        locale: 'nl',
        passwordHash,
        emailVerifiedAt: () => 'now()',
      })
      .orIgnore()
      .execute();
    const owner = await user(email);
    const applicant = await applicants.register(
      owner,
      {
        kind: 'organisation',
        legalName: project.organisation,
        enterpriseNumber: enterpriseNumber(index),
        policyDomains: ['Jeugd'],
        address: { street: project.street, postalCode: project.postalCode, city: project.city },
        iban: 'BE68 5390 0754 7034',
        contactName: `Coördinator ${project.organisation}`,
        contactEmail: email,
      },
      null,
    );
    organisations.push({ owner, applicantId: applicant.id });
  }
  // Verified by the demo admin, as the administration would have before the assessment (ADR 0014).
  await dataSource.query(
    `UPDATE applicants SET verification_status = 'verified', verified_at = now(), verified_by = $2
      WHERE id = ANY($1::uuid[]) AND verification_status = 'to_verify'`,
    [organisations.map((o) => o.applicantId), admin.user.id],
  );

  const seedCall = async (code: string, title: string, description: string, openReviews: boolean): Promise<void> => {
    const call = await dataSource.getRepository(CallEntity).save(
      dataSource.getRepository(CallEntity).create({
        ...referenceCallCopy(),
        code,
        title,
        description,
        budgetCents: 30_000_000,
        opensAt: DateTime.fromJSDate(now).minus({ days: 30 }).toJSDate(),
        closesAt: DateTime.fromJSDate(now).plus({ hours: 1 }).toJSDate(),
        projectStart: `${year}-01-01`,
        projectEnd: `${year}-12-31`,
        publishedAt: now,
      }),
    );
    const dossiers = app.get(DossiersService);
    const dossierIds: string[] = [];
    for (const [index, project] of PROJECTS.entries()) {
      const { owner, applicantId } = organisations[index];
      const { dossier } = await dossiers.start(owner, call.id, applicantId, null);
      const requestedCents = project.euros * 100;
      await dossiers.saveDraft(owner, dossier.id, dossier.version, {
        title: project.title,
        summary: `${project.title}: activiteiten in ${project.city} die kwetsbare kinderen en jongeren verbinden met hun buurt.`,
        answers: {
          TARGET_GROUP: `Kinderen en jongeren uit kwetsbare gezinnen in ${project.city}, bereikt via scholen en buurtwerk.`,
          REACH: 40 + index * 15,
          DOMAIN: 'Jeugd',
        },
        projectStart: `${year}-03-01`,
        projectEnd: `${year}-12-31`,
        budgetLines: [
          { description: 'Begeleiding', amountCents: requestedCents },
          { description: 'Materiaal en vervoer', amountCents: 500_000 },
        ],
        ownContributionCents: 500_000,
        otherIncomeCents: 0,
        requestedCents,
      });
      const budget = await app
        .get(UploadStaging)
        .stageBuffer(minimalPdf(`Begroting ${project.title}`), 'begroting.pdf');
      await app.get(DossierAttachmentsService).addAttachment(owner, dossier.id, 'BEGROTING', budget);
      await app
        .get(DossierSubmissionService)
        .submit(owner, dossier.id, { idempotencyKey: `seed-${code}-${index}`, locale: 'nl' }, null);
      dossierIds.push(dossier.id);
    }
    // The deadline passed yesterday; the submissions came in the days before it, and so did everything the
    // applicants did (their dossier, attachments, audit events and confirmation mails move back with their
    // submission), so no screen shows a submission after the deadline. Submitted versions and the audit log are
    // immutable (ADR 0009): only a superuser can fabricate this history, with the triggers off for this transaction.
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(
        `CREATE TEMP TABLE seed_moved ON COMMIT DROP AS
           SELECT s.dossier_id, s.submitted_at - (now() - interval '2 days' + (d.reference_number || ' hours')::interval) AS shift
             FROM dossier_submissions s
             JOIN (SELECT id, row_number() OVER (ORDER BY reference) AS reference_number FROM dossiers WHERE call_id = $1) d
               ON d.id = s.dossier_id`,
        [call.id],
      );
      await manager.query(
        `UPDATE dossier_submissions s SET submitted_at = s.submitted_at - m.shift FROM seed_moved m WHERE m.dossier_id = s.dossier_id`,
      );
      await manager.query(
        `UPDATE dossiers d SET submitted_at = s.submitted_at, created_at = d.created_at - m.shift,
                updated_at = d.updated_at - m.shift
           FROM dossier_submissions s, seed_moved m WHERE s.dossier_id = d.id AND m.dossier_id = d.id`,
      );
      await manager.query(
        `UPDATE attachments a SET created_at = a.created_at - m.shift FROM seed_moved m WHERE m.dossier_id = a.dossier_id`,
      );
      await manager.query(
        `UPDATE audit_events a SET occurred_at = a.occurred_at - m.shift,
                after = CASE WHEN a.after ? 'submittedAt'
                  THEN jsonb_set(a.after, '{submittedAt}', to_jsonb(to_char(((a.after->>'submittedAt')::timestamptz - m.shift)
                         AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
                  ELSE a.after END
           FROM seed_moved m WHERE a.entity_type = 'dossier' AND a.entity_id = m.dossier_id::text`,
      );
      await manager.query(
        `UPDATE notifications n SET created_at = n.created_at - m.shift,
                payload = n.payload
                  || jsonb_build_object('submittedAtBrussels', to_char(((n.payload->>'submittedAt')::timestamptz - m.shift)
                       AT TIME ZONE 'Europe/Brussels', 'DD/MM/YYYY HH24:MI:SS'))
                  || jsonb_build_object('submittedAt', to_char(((n.payload->>'submittedAt')::timestamptz - m.shift)
                       AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           FROM seed_moved m JOIN dossiers d ON d.id = m.dossier_id
          WHERE n.template = 'dossier.submitted' AND n.subject_ref = d.reference`,
      );
      await manager.query(`UPDATE calls SET closes_at = now() - interval '1 day' WHERE id = $1`, [call.id]);
    });

    const reviews = app.get(ReviewsService);
    const scores = app.get(ScoresService);
    await app
      .get(AdmissibilityService)
      .decideInBulk(
        admin,
        call.id,
        { decision: 'admissible', motivation: 'Tijdig, volledig en binnen de voorwaarden van de oproep.' },
        null,
      );
    // The call's review panel (ADR 0013): the demo reviewer, one review per dossier, due in two weeks.
    const panels = app.get(PanelService);
    await panels.addMember(admin, call.id, reviewer.user.id);
    await panels.saveSettings(admin, call.id, {
      perDossier: 1,
      dueAt: DateTime.fromJSDate(now).plus({ days: 14 }).toJSDate().toISOString(),
    });
    const assignments = await app.get(ReviewAssignmentService).assign(admin, call.id, {});
    const mine = assignments.filter((a) => a.reviewerId === reviewer.user.id);
    for (const [index, id] of dossierIds.entries()) {
      const level = PROJECTS[index].level;
      const given = call.criteria.map((criterion, criterionIndex) => {
        const score = demoScore(level, criterionIndex, index, criterion.scaleMax);
        return {
          criterionCode: criterion.code,
          score,
          comment: score < criterion.threshold ? 'Te weinig uitgewerkt voor dit criterium.' : null,
        };
      });
      const assignment = mine.find((a) => a.dossierId === id);
      // In the first call three stay open for the demo reviewer; the administration sets their consensus so the
      // ranking is complete.
      const reviewed = Boolean(assignment && (!openReviews || index % 4 !== 3));
      if (reviewed) {
        await reviews.stateNoConflict(reviewer, assignment!.id);
        await reviews.saveScores(reviewer, assignment!.id, given, true);
      }
      // The consensus the administration records is the panel's scores: for a reviewed dossier the reviewer's own.
      await scores.setConsensus(
        admin,
        id,
        given.map((s) => ({
          criterionCode: s.criterionCode,
          score: s.score,
          motivation: reviewed
            ? (s.comment ?? 'Consensus van het panel, gelijk aan de score van de beoordelaar.')
            : 'Consensus van de administratie; de beoordeling door het panel staat nog open.',
        })),
        null,
      );
    }
    // With reviews still open the proposal is a preview that cannot go to the minister (ADR 0009); the assessment
    // page lists what is missing. Otherwise it is sent.
    await app.get(RankingService).propose(admin, call.id, { marginRule: 'skip', reserveSize: 3 }, null);
    if (!openReviews) await app.get(ApprovalService).send(admin, call.id, null);
  };

  await seedCall(
    ASSESSMENT_DEMO_CALL,
    'Connecteren van kwetsbare kinderen en jongeren (demo: beoordeling)',
    'Demo-oproep na de deadline, in beoordeling: ontvankelijkheid, scores (drie beoordelingen staan nog open), rangschikking en een voorlopig selectievoorstel.',
    true,
  );
  await seedCall(
    CABINET_DEMO_CALL,
    'Connecteren van kwetsbare kinderen en jongeren (demo: bij de minister)',
    'Demo-oproep na de deadline: alle beoordelingen zijn binnen en het selectievoorstel wacht op de beslissing van de minister.',
    false,
  );
  return ASSESSMENT_DEMO_CALL;
}
