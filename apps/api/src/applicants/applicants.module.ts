import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApplicantRepository } from './applicant.repository';
import { ApplicantsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';
import { InvitationsController } from './invitations.controller';
import { InvitationRepository } from './invitation.repository';
import { InvitationsService } from './invitations.service';
import { ApplicantVerificationController } from './applicant-verification.controller';
import { ApplicantVerificationRepository } from './applicant-verification.repository';
import { ApplicantVerificationService } from './applicant-verification.service';

@Module({
  imports: [AuthModule],
  controllers: [ApplicantsController, InvitationsController, ApplicantVerificationController],
  providers: [
    ApplicantsService,
    ApplicantRepository,
    InvitationRepository,
    InvitationsService,
    ApplicantVerificationService,
    ApplicantVerificationRepository,
  ],
  exports: [ApplicantRepository],
})
export class ApplicantsModule {}
