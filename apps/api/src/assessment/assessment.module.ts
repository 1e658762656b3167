import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller';
import { AssessmentRepository } from './assessment.repository';
import { DecisionService } from './decision.service';
import { OutcomeController } from './outcome.controller';
import { OutcomeService } from './outcome.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [AssessmentController, ReviewsController, OutcomeController],
  providers: [AssessmentRepository, ReviewsService, DecisionService, OutcomeService],
})
export class AssessmentModule {}
