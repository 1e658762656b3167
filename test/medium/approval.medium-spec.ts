import { CallEntity, DossierEntity, ReviewScoreEntity } from '@portal/server';
import { AdmissibilityService } from '../../apps/api/src/assessment/admissibility.service';
import { ApprovalService } from '../../apps/api/src/assessment/approval.service';
import { BudgetDecisionService } from '../../apps/api/src/assessment/budget-decision.service';
import { OutcomeService } from '../../apps/api/src/assessment/outcome.service';
import { RankingService } from '../../apps/api/src/assessment/ranking.service';
import { ReserveService } from '../../apps/api/src/assessment/reserve.service';
import { ReviewsService } from '../../apps/api/src/assessment/reviews.service';
import { ScoresService } from '../../apps/api/src/assessment/scores.service';
import type { AuthContext } from '../../apps/api/src/common/request-context';
import { ASSESSMENT_DEMO_CALL, CABINET_DEMO_CALL, seedAssessmentDemo } from '../../apps/api/src/seed/demo-assessment';
import { refusedWith, startServices, type Services } from '../support/medium';
import { DEMO } from '../support/test-app';

/** Assessment and approval through the services themselves (no HTTP), on the demo calls `npm start` seeds. */
describe('assessment and approval services (medium tier)', () => {
  let services: Services;
  let admin: AuthContext;
  let minister: AuthContext;
  let reviewer: AuthContext;
  let assessmentCall: CallEntity;
  let cabinetCall: CallEntity;

  beforeAll(async () => {
    services = await startServices();
    await seedAssessmentDemo(services.app);
    admin = await services.as(DEMO.admin);
    minister = await services.as(DEMO.minister);
    reviewer = await services.as(DEMO.reviewer);
    const calls = services.dataSource.getRepository(CallEntity);
    assessmentCall = await calls.findOneByOrFail({ code: ASSESSMENT_DEMO_CALL });
    cabinetCall = await calls.findOneByOrFail({ code: CABINET_DEMO_CALL });
  }, 120_000);

  afterAll(async () => {
    await services.close();
  });

  it('keeps a proposal computed with open reviews from the minister, and makes it stale once they are in', async () => {
    const approval = services.get(ApprovalService);
    const preview = await approval.proposal(assessmentCall.id);
    expect(preview.openReviews).toHaveLength(3);
    await expect(approval.send(admin, assessmentCall.id, null)).rejects.toMatchObject(refusedWith('REVIEWS_OPEN'));

    const reviews = services.get(ReviewsService);
    const open = (await reviews.mine(reviewer)).filter((a) => a.status === 'assigned');
    expect(open).toHaveLength(3);
    for (const assignment of open) {
      const view = await reviews.review(reviewer, assignment.id);
      const scores = view.call.criteria.map((c) => ({ criterionCode: c.code, score: c.scaleMax, comment: null }));
      await reviews.stateNoConflict(reviewer, assignment.id);
      const submitted = await reviews.saveScores(reviewer, assignment.id, scores, true);
      expect(submitted.status).toBe('submitted');
      // A submitted review is final, in the service and in the database.
      await expect(reviews.saveScores(reviewer, assignment.id, scores, false)).rejects.toMatchObject(
        refusedWith('REVIEW_ALREADY_SUBMITTED'),
      );
      await expect(
        services.dataSource.getRepository(ReviewScoreEntity).update({ assignmentId: assignment.id }, { score: 0 }),
      ).rejects.toThrow('REVIEW_ALREADY_SUBMITTED');
    }
    expect((await approval.proposal(assessmentCall.id)).stale).toBe(true);
    await expect(approval.send(admin, assessmentCall.id, null)).rejects.toMatchObject(refusedWith('PROPOSAL_STALE'));

    await services.get(RankingService).propose(admin, assessmentCall.id, { marginRule: 'skip', reserveSize: 3 }, null);
    const sent = await approval.send(admin, assessmentCall.id, null);
    expect(sent).toMatchObject({ status: 'sent', stale: false, openReviews: [] });
  });

  it('approves exactly the lines of the proposal, and afterwards refuses what fed the decision', async () => {
    const approval = services.get(ApprovalService);
    const approved = await approval.approve(minister, assessmentCall.id, '2026-12-01', 'MB-MEDIUM-1', null);
    const dossiers = await services.dataSource.getRepository(DossierEntity).findBy({ callId: assessmentCall.id });
    for (const line of approved.lines) {
      const dossier = dossiers.find((d) => d.id === line.dossierId)!;
      if (line.outcome === 'selected')
        expect([dossier.status, dossier.grantedCents]).toEqual(['awarded', line.grantedCents]);
      if (line.outcome === 'rejected') expect([dossier.status, dossier.grantedCents]).toEqual(['rejected', 0]);
      if (line.outcome === 'reserve') expect(dossier.status).toBe('submitted');
    }
    const awarded = dossiers.find((d) => d.status === 'awarded')!;
    await expect(
      services
        .get(ScoresService)
        .setConsensus(
          admin,
          awarded.id,
          [{ criterionCode: assessmentCall.criteria[0].code, score: 1, motivation: 'Na de beslissing.' }],
          null,
        ),
    ).rejects.toMatchObject(refusedWith('CALL_DECIDED'));
    await expect(
      services.get(AdmissibilityService).decide(admin, awarded.id, 'inadmissible', 'Na de beslissing.', null),
    ).rejects.toMatchObject(refusedWith('CALL_DECIDED'));
    await expect(
      approval.approve(minister, assessmentCall.id, '2026-12-01', 'MB-MEDIUM-2', null),
    ).rejects.toMatchObject(refusedWith('PROPOSAL_STATE'));
  });

  it('lets only the minister raise the budget after the decision, and a reserve dossier move up within it', async () => {
    const budgets = services.get(BudgetDecisionService);
    await expect(
      budgets.decide(admin, assessmentCall.id, { budgetCents: 40_000_000, motivation: 'Extra middelen.' }, null),
    ).rejects.toMatchObject(refusedWith('CALL_DECIDED'));
    const raised = await budgets.decide(
      minister,
      assessmentCall.id,
      {
        budgetCents: 40_000_000,
        motivation: 'Bijkomende middelen uit de begrotingsaanpassing.',
        decisionDate: '2026-12-02',
        decisionReference: 'MB-MEDIUM-BUDGET',
      },
      null,
    );
    expect(raised.at(-1)).toMatchObject({ beforeCents: 30_000_000, afterCents: 40_000_000, decidedRole: 'minister' });

    const reserve = services.get(ReserveService);
    const before = await reserve.reserve(assessmentCall.id);
    expect(before.nextDossierId).not.toBeNull();
    await reserve.proposePromotion(admin, assessmentCall.id, before.nextDossierId!, 'Budget verhoogd.', null);
    const promotion = (await reserve.reserve(assessmentCall.id)).promotions.find((p) => p.status === 'proposed')!;
    const after = await reserve.decidePromotion(
      minister,
      promotion.id,
      { confirm: true, decisionDate: '2026-12-02', decisionReference: 'MB-MEDIUM-RESERVE' },
      null,
    );
    expect(after.awardedCents).toBeLessThanOrEqual(40_000_000);
    const promoted = await services.get(OutcomeService).decision(admin, before.nextDossierId!);
    expect(promoted).toMatchObject({
      outcome: 'awarded',
      reason: 'reserve-promoted',
      decisionReference: 'MB-MEDIUM-RESERVE',
    });
  });

  it('refuses sending the cabinet call twice, and five approvals at once make one decision', async () => {
    const approval = services.get(ApprovalService);
    await expect(approval.send(admin, cabinetCall.id, null)).rejects.toMatchObject(refusedWith('PROPOSAL_STATE'));
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        approval.approve(minister, cabinetCall.id, '2026-12-02', `MB-RACE-${i}`, null),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(['PROPOSAL_STATE', 'CALL_DECIDED', 'CONFLICT']).toContain((r.reason as { code?: string }).code);
    }
  });
});
