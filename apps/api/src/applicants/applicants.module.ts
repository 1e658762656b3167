import { Module } from '@nestjs/common';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';
import { InvitationsController } from './invitations.controller';
import { InvitationRepository } from './invitation.repository';
import { InvitationsService } from './invitations.service';

@Module({
  controllers: [ApplicantsController, InvitationsController],
  providers: [ApplicantsService, ApplicantRepository, InvitationRepository, InvitationsService],
  exports: [ApplicantRepository],
})
export class ApplicantsModule {}
