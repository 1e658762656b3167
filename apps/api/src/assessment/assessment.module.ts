import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller';
import { AssessmentRepository } from './assessment.repository';
import { DecisionService } from './decision.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  controllers: [AssessmentController, ReviewsController],
  providers: [AssessmentRepository, ReviewsService, DecisionService],
})
export class AssessmentModule {}
