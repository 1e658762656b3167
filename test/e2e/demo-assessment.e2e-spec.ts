import {
  ASSESSMENT_DEMO_CALL,
  CABINET_DEMO_CALL,
  DEMO_PROJECTS,
  seedAssessmentDemo,
} from '../../apps/api/src/seed/demo-assessment';
import { DEMO, session, startApi, type TestApi } from '../support/test-app';

describe('npm start: the demo call in the middle of its assessment', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('goes through the real services: one call with reviews still open, one with a proposal waiting for the minister, once', async () => {
    expect(await seedAssessmentDemo(api.app)).toBe(ASSESSMENT_DEMO_CALL);
    expect(await seedAssessmentDemo(api.app)).toBeNull();

    const minister = await session(api, DEMO.minister);
    const proposals = await minister.agent.get('/api/v1/proposals').expect(200);
    // The call with open reviews has only a preview, which the minister does not see.
    expect(proposals.body.find((p: { callCode: string }) => p.callCode === ASSESSMENT_DEMO_CALL)).toBeUndefined();
    const admin = await session(api, DEMO.admin);
    const preview = (await admin.agent.get('/api/v1/proposals').expect(200)).body.find(
      (p: { callCode: string }) => p.callCode === ASSESSMENT_DEMO_CALL,
    );
    expect(preview).toMatchObject({ status: 'draft' });
    const previewView = await admin.agent.get(`/api/v1/calls/${preview.callId}/proposal`).expect(200);
    expect(previewView.body.openReviews).toHaveLength(3);

    const waiting = proposals.body.find((p: { callCode: string }) => p.callCode === CABINET_DEMO_CALL);
    expect(waiting).toMatchObject({ status: 'sent', kind: 'project', budgetCents: 30_000_000 });
    expect(waiting.selectedCount).toBeGreaterThan(3);
    expect(waiting.grantedCents).toBeLessThanOrEqual(30_000_000);
    const proposal = await minister.agent.get(`/api/v1/calls/${waiting.callId}/proposal`).expect(200);
    expect(proposal.body.lines).toHaveLength(12);
    expect(proposal.body.lines.filter((l: { outcome: string }) => l.outcome === 'reserve').length).toBeGreaterThan(0);

    const reviewer = await session(api, DEMO.reviewer);
    const mine = (await reviewer.agent.get('/api/v1/assignments/mine').expect(200)).body as Array<{ status: string }>;
    expect(mine.filter((a) => a.status === 'submitted')).toHaveLength(9 + 12);
    expect(mine.filter((a) => a.status === 'assigned')).toHaveLength(3);

    const applicant = await session(api, 'contact01@demo.subsidieportaal.be');
    const dossiers = await applicant.agent.get('/api/v1/dossiers/mine').expect(200);
    expect(dossiers.body).toEqual([
      expect.objectContaining({ status: 'submitted', title: 'Zomer op het plein' }),
      expect.objectContaining({ status: 'submitted', title: 'Zomer op het plein' }),
    ]);
  }, 120_000);

  /** Postcodes of the Flemish cities in the demo (bpost): an address whose postcode is another city's is not believable. */
  const POSTCODES: Record<string, string> = {
    Gent: '9000',
    Antwerpen: '2000',
    Leuven: '3000',
    Brugge: '8000',
    Hasselt: '3500',
    Roeselare: '8800',
    Aalst: '9300',
    Mechelen: '2800',
    Kortrijk: '8500',
    Genk: '3600',
    Turnhout: '2300',
    'Sint-Niklaas': '9100',
  };

  it('is believable: real postcodes, no submission after the deadline, scores that agree, criteria of its own year', async () => {
    await seedAssessmentDemo(api.app);
    const ds = api.dataSource;
    const addresses = await ds.query<Array<{ legal_name: string; address: { postalCode: string; city: string } }>>(
      `SELECT legal_name, address FROM applicants WHERE legal_name = ANY($1) OR legal_name = 'vzw De Brug'`,
      [DEMO_PROJECTS.map((p) => p.organisation)],
    );
    expect(addresses).toHaveLength(DEMO_PROJECTS.length + 1);
    for (const { legal_name, address } of addresses) {
      expect({ legal_name, postalCode: address.postalCode }).toEqual({
        legal_name,
        postalCode: POSTCODES[address.city],
      });
    }

    const calls = [ASSESSMENT_DEMO_CALL, CABINET_DEMO_CALL];
    // What people see of a submission: its moment, the dossier's, the audit log's and the confirmation mail's.
    const late = await ds.query<Array<{ what: string }>>(
      `SELECT 'submission' AS what FROM dossier_submissions s JOIN dossiers sd ON sd.id = s.dossier_id JOIN calls c ON c.id = sd.call_id
        WHERE c.code = ANY($1) AND s.submitted_at > c.closes_at
       UNION ALL
       SELECT 'dossier' FROM dossiers d JOIN calls c ON c.id = d.call_id
        WHERE c.code = ANY($1) AND (d.submitted_at > c.closes_at OR d.created_at > c.closes_at)
       UNION ALL
       SELECT 'audit ' || a.action FROM audit_events a JOIN dossiers d ON a.entity_id = d.id::text
         JOIN calls c ON c.id = d.call_id
        WHERE c.code = ANY($1) AND a.action IN ('dossier.created', 'dossier.submitted', 'dossier.draft_saved', 'dossier.attachment_added')
          AND (a.occurred_at > c.closes_at OR (a.after->>'submittedAt')::timestamptz > c.closes_at)
       UNION ALL
       SELECT 'mail' FROM notifications n JOIN dossiers d ON n.subject_ref = d.reference JOIN calls c ON c.id = d.call_id
        WHERE c.code = ANY($1) AND n.template = 'dossier.submitted'
          AND (n.created_at > c.closes_at OR (n.payload->>'submittedAt')::timestamptz > c.closes_at)`,
      [calls],
    );
    expect(late).toEqual([]);
    const [{ submissions }] = await ds.query<Array<{ submissions: number }>>(
      `SELECT count(*)::int AS submissions FROM dossier_submissions s JOIN dossiers sd ON sd.id = s.dossier_id JOIN calls c ON c.id = sd.call_id WHERE c.code = ANY($1)`,
      [calls],
    );
    expect(submissions).toBe(2 * DEMO_PROJECTS.length);

    // One reviewer per dossier: where a review is in, the consensus is that reviewer's score, criterion by criterion.
    const disagreeing = await ds.query<Array<{ dossier_id: string }>>(
      `SELECT r.dossier_id FROM review_assignments r
         JOIN review_scores rs ON rs.assignment_id = r.id
         JOIN dossiers d ON d.id = r.dossier_id JOIN calls c ON c.id = d.call_id
         LEFT JOIN consensus_scores cs ON cs.dossier_id = r.dossier_id AND cs.criterion_code = rs.criterion_code
        WHERE c.code = ANY($1) AND r.submitted_at IS NOT NULL AND cs.score IS DISTINCT FROM rs.score`,
      [calls],
    );
    expect(disagreeing).toEqual([]);
    const [{ reviewed }] = await ds.query<Array<{ reviewed: number }>>(
      `SELECT count(DISTINCT r.dossier_id)::int AS reviewed FROM review_assignments r JOIN dossiers d ON d.id = r.dossier_id
         JOIN calls c ON c.id = d.call_id WHERE c.code = ANY($1) AND r.submitted_at IS NOT NULL`,
      [calls],
    );
    expect(reviewed).toBe(9 + 12);
    // The scores differ per criterion (a dossier is not equally good at everything).
    const [{ uniform }] = await ds.query<Array<{ uniform: number }>>(
      `SELECT count(*)::int AS uniform FROM (SELECT cs.dossier_id FROM consensus_scores cs
         JOIN dossiers d ON d.id = cs.dossier_id JOIN calls c ON c.id = d.call_id WHERE c.code = ANY($1)
        GROUP BY cs.dossier_id HAVING count(DISTINCT cs.score) = 1) x`,
      [calls],
    );
    expect(uniform).toBe(0);

    // A 2026 demo call does not ask about the corona measures of 2020; the 2020 reference call still does.
    const labels = await ds.query<Array<{ code: string; criteria: Array<{ code: string; label: string }> }>>(
      `SELECT code, criteria FROM calls WHERE code = ANY($1)`,
      [[...calls, 'GV-CONNECT-2020']],
    );
    const feasible = Object.fromEntries(
      labels.map((c) => [c.code, c.criteria.find((criterion) => criterion.code === 'FEASIBLE')!.label]),
    );
    expect(feasible['GV-CONNECT-2020']).toContain('coronamaatregelen');
    for (const code of calls) expect(feasible[code]).not.toMatch(/corona|2020/);
  }, 120_000);
});
