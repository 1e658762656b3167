import { Module } from '@nestjs/common';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';

@Module({
  controllers: [ApplicantsController],
  providers: [ApplicantsService, ApplicantRepository],
  exports: [ApplicantRepository],
})
export class ApplicantsModule {}
