import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChangeRequestView } from '@portal/contracts';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import type { AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { ChangeRequestsService } from './change-requests.service';
import { ChangeRequestDto, DecideChangeRequestDto } from './dto/change-request.dto';

/** Changes after the award (ADR 0024): asked by the organisation, decided by the administration. */
@ApiTags('reports')
@Controller({ version: '1' })
export class ChangeRequestsController {
  constructor(private readonly changes: ChangeRequestsService) {}

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/change-requests')
  @ApiOperation({ summary: "An awarded dossier's change requests, newest first" })
  ofDossier(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ChangeRequestView[]> {
    return this.changes.ofDossier(auth, id);
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Post('dossiers/:id/change-requests')
  @ApiOperation({ summary: 'Ask for a change after the award, with a motivation (never a higher amount)' })
  request(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ChangeRequestDto,
  ): Promise<ChangeRequestView> {
    return this.changes.request(auth, id, dto);
  }

  @Roles('admin')
  @Get('calls/:id/change-requests')
  @ApiOperation({ summary: "The call's change requests, open ones first" })
  ofCall(@Param('id', UUID_PIPE) id: string): Promise<ChangeRequestView[]> {
    return this.changes.ofCall(id);
  }

  @Roles('admin')
  @Post('change-requests/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a change request, with a motivation; 409 when already decided' })
  approve(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: DecideChangeRequestDto,
  ): Promise<ChangeRequestView> {
    return this.changes.approve(auth, id, dto.motivation);
  }

  @Roles('admin')
  @Post('change-requests/:id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse a change request, with a motivation; 409 when already decided' })
  refuse(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: DecideChangeRequestDto,
  ): Promise<ChangeRequestView> {
    return this.changes.refuse(auth, id, dto.motivation);
  }
}
