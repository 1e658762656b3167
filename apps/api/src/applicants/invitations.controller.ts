import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicantMemberView, ApplicantView, InvitationView } from '@portal/contracts';
import { AppException } from '@portal/server';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { InviteColleagueDto } from './dto/invite.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('applicants')
@Roles('applicant')
@Controller({ version: '1' })
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('applicants/:id/members')
  @ApiOperation({ summary: 'The people who act for an applicant (members only)' })
  members(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ApplicantMemberView[]> {
    return this.invitations.members(auth, id);
  }

  @RequiresVerifiedEmail()
  @Post('applicants/:id/invitations')
  @ApiOperation({ summary: "Invite a colleague by e-mail (the applicant's admins only)" })
  invite(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: InviteColleagueDto,
  ): Promise<InvitationView> {
    return this.invitations.invite(auth, id, dto.email, auth.requestId);
  }

  @Post('invitations/:token/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation while logged in with the invited address (which confirms that address)',
  })
  accept(@CurrentAuth() auth: AuthContext, @Param('token') token: string): Promise<ApplicantView> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppException('INVITATION_INVALID');
    return this.invitations.accept(auth, token, auth.requestId);
  }
}
