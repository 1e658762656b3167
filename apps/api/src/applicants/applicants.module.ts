import { Module } from '@nestjs/common';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  controllers: [ApplicantsController, InvitationsController],
  providers: [ApplicantsService, ApplicantRepository, InvitationsService],
  exports: [ApplicantRepository],
})
export class ApplicantsModule {}
