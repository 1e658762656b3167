import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { StaffInvitationRepository } from './staff-invitation.repository';
import { StaffInvitationsController } from './staff-invitations.controller';
import { StaffInvitationsService } from './staff-invitations.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [AuthModule, UsersModule],
  controllers: [StaffController, StaffInvitationsController],
  providers: [StaffService, StaffInvitationsService, StaffRepository, StaffInvitationRepository],
})
export class StaffModule {}
