import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffInvitationView, StaffMemberView, StaffOverview } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { ChangeStaffRolesDto } from './dto/change-roles.dto';
import { InviteStaffDto } from './dto/invite-staff.dto';
import { StaffInvitationsService } from './staff-invitations.service';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Roles('admin')
@Controller({ path: 'staff', version: '1' })
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly invitations: StaffInvitationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Staff members (admin, reviewer, minister) and the open staff invitations' })
  overview(): Promise<StaffOverview> {
    return this.staff.overview();
  }

  @Post('invitations')
  @ApiOperation({ summary: 'Invite a person as staff by e-mail with roles (a single-use link valid 7 days)' })
  invite(@CurrentAuth() auth: AuthContext, @Body() dto: InviteStaffDto): Promise<StaffInvitationView> {
    return this.invitations.invite(auth, dto.email, dto.roles);
  }

  @Post('invitations/:id/withdraw')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an open staff or expert invitation: its link stops working at once' })
  withdraw(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<void> {
    return this.invitations.withdraw(auth, id);
  }

  @Put(':id/roles')
  @ApiOperation({ summary: "Set a staff member's roles (the last active admin keeps the admin role)" })
  changeRoles(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ChangeStaffRolesDto,
  ): Promise<StaffMemberView> {
    return this.staff.changeRoles(auth, id, dto.roles);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account: it cannot log in and all its sessions end at once' })
  deactivate(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<StaffMemberView> {
    return this.staff.deactivate(auth, id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a deactivated account' })
  reactivate(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<StaffMemberView> {
    return this.staff.reactivate(auth, id);
  }
}
