import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PanelInvitationView, ReviewPanelView } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { InviteExpertDto, PanelMemberDto, PanelSettingsDto } from './dto/panel.dto';
import { PanelService } from './panel.service';

/** The administration composes a call's review panel (ADR 0013). */
@ApiTags('assessment')
@Roles('admin')
@Controller({ path: 'calls/:id/panel', version: '1' })
export class PanelController {
  constructor(private readonly panels: PanelService) {}

  @Get()
  @ApiOperation({
    summary: "The call's review panel: settings, members, staff reviewers to add, open expert invitations",
  })
  view(@Param('id', UUID_PIPE) id: string): Promise<ReviewPanelView> {
    return this.panels.view(id);
  }

  @Put()
  @ApiOperation({ summary: 'Reviewers per dossier and the review due date' })
  settings(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: PanelSettingsDto,
  ): Promise<ReviewPanelView> {
    return this.panels.saveSettings(auth, id, { perDossier: dto.perDossier, dueAt: dto.dueAt });
  }

  @Post('members')
  @ApiOperation({ summary: 'Add a staff reviewer to the panel' })
  addMember(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: PanelMemberDto,
  ): Promise<ReviewPanelView> {
    return this.panels.addMember(auth, id, dto.userId);
  }

  @Delete('members/:userId')
  @ApiOperation({ summary: 'Remove a reviewer from the panel (refused while they have open reviews in the call)' })
  removeMember(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('userId', UUID_PIPE) userId: string,
  ): Promise<ReviewPanelView> {
    return this.panels.removeMember(auth, id, userId);
  }

  @Post('experts')
  @ApiOperation({ summary: 'Invite an external expert for this call only (single-use link by e-mail, valid 7 days)' })
  inviteExpert(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: InviteExpertDto,
  ): Promise<PanelInvitationView> {
    return this.panels.inviteExpert(auth, id, dto.email);
  }
}
