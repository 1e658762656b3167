import { Module } from '@nestjs/common';
import { FundingModule } from '../funding/funding.module';
import { AdmissibilityService } from './admissibility.service';
import { ApprovalService } from './approval.service';
import { AssessmentController } from './assessment.controller';
import { AssessmentRepository } from './assessment.repository';
import { BudgetDecisionService } from './budget-decision.service';
import { OutcomeController } from './outcome.controller';
import { OutcomeRepository } from './outcome.repository';
import { OutcomeService } from './outcome.service';
import { PanelController } from './panel.controller';
import { PanelRepository } from './panel.repository';
import { PanelService } from './panel.service';
import { ProposalRepository } from './proposal.repository';
import { RankingService } from './ranking.service';
import { ReserveService } from './reserve.service';
import { ReviewAssignmentService } from './review-assignment.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { ScoresService } from './scores.service';

/**
 * The assessment along the call's lifecycle (ADR 0009): admissibility, assignments, reviews, scores and consensus,
 * ranking and proposal, the minister's approval, budget decisions, and what follows the decision (outcome, reserve).
 */
@Module({
  imports: [FundingModule],
  controllers: [AssessmentController, ReviewsController, OutcomeController, PanelController],
  providers: [
    AssessmentRepository,
    ProposalRepository,
    OutcomeRepository,
    AdmissibilityService,
    ReviewAssignmentService,
    ReviewsService,
    ScoresService,
    RankingService,
    ApprovalService,
    BudgetDecisionService,
    OutcomeService,
    ReserveService,
    PanelRepository,
    PanelService,
  ],
  exports: [ScoresService, PanelService],
})
export class AssessmentModule {}
