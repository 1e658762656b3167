import { ASSESSMENT_DEMO_CALL, CABINET_DEMO_CALL, seedAssessmentDemo } from '../../apps/api/src/seed/demo-assessment';
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
});
