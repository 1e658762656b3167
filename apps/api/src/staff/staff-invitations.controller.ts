import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffInvitationPreview, UserView } from '@portal/contracts';
import { AppException } from '@portal/server';
import { Authenticated, Public } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { requestIdOf, type AuthContext, type PortalRequest } from '../common/request-context';
import { RateLimited } from '../security/rate-limited.decorator';
import { AcceptStaffInvitationDto } from './dto/accept-staff-invitation.dto';
import { StaffInvitationsService } from './staff-invitations.service';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

@ApiTags('staff')
@Controller({ path: 'staff-invitations', version: '1' })
export class StaffInvitationsController {
  constructor(private readonly invitations: StaffInvitationsService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What a staff invitation link is for (410 when used, expired or unknown)' })
  preview(@Param('token') token: string): Promise<StaffInvitationPreview> {
    if (!TOKEN.test(token)) throw new AppException('STAFF_INVITATION_INVALID');
    return this.invitations.preview(token);
  }

  @Public()
  @Post('accept')
  @RateLimited('account')
  @ApiOperation({ summary: "Accept a staff invitation with a new account (the invitation's address and roles)" })
  acceptWithNewAccount(@Body() dto: AcceptStaffInvitationDto, @Req() request: PortalRequest): Promise<UserView> {
    return this.invitations.acceptWithNewAccount(dto, requestIdOf(request));
  }

  @Authenticated()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a staff invitation while logged in with the invited address: its roles are added' })
  acceptAsCurrentUser(@CurrentAuth() auth: AuthContext, @Param('token') token: string): Promise<UserView> {
    if (!TOKEN.test(token)) throw new AppException('STAFF_INVITATION_INVALID');
    return this.invitations.acceptAsCurrentUser(auth, token);
  }
}
