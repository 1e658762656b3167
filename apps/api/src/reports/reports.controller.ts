import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  REPORT_KINDS,
  type ReportKind,
  type ReportSettingsView,
  type ReportSummary,
  type ReportView,
} from '@portal/contracts';
import { AppException } from '@portal/server';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { versionFromIfMatch } from '../common/if-match';
import { localeOf } from '../common/problem.filter';
import type { AuthContext, PortalRequest } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import {
  ApproveReportDto,
  ReportDraftDto,
  ReportSettingsDto,
  RequestReportChangesDto,
  SubmitReportDto,
} from './dto/report.dto';
import { ReportReviewService } from './report-review.service';
import { ReportsService } from './reports.service';

function reportKind(value: string): ReportKind {
  if (!(REPORT_KINDS as readonly string[]).includes(value)) throw new AppException('NOT_FOUND');
  return value as ReportKind;
}

/** Reports after the award (ADR 0024): the organisation drafts and submits, the administration decides. */
@ApiTags('reports')
@Controller({ version: '1' })
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly review: ReportReviewService,
  ) {}

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/reports')
  @ApiOperation({ summary: 'The reports the call asks of an awarded dossier, with status and due date' })
  list(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ReportSummary[]> {
    return this.reports.list(auth, id);
  }

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/reports/:kind')
  @ApiOperation({ summary: 'One report (interim or final); an empty draft until the first save' })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('kind') kind: string,
  ): Promise<ReportView> {
    return this.reports.get(auth, id, reportKind(kind));
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Put('dossiers/:id/reports/:kind')
  @ApiOperation({
    summary:
      'Save the draft (autosave; stored with its issues); If-Match: the version last seen (0 before the first save)',
  })
  save(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('kind') kind: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: ReportDraftDto,
  ): Promise<ReportView> {
    return this.reports.saveDraft(auth, id, reportKind(kind), dto, versionFromIfMatch(ifMatch));
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Post('dossiers/:id/reports/:kind/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the report with the declaration on honour accepted; 400 naming every issue' })
  submit(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Param('kind') kind: string,
    // Only validated: without `declaration: true` the pipe refuses the request before anything happens.
    @Body() _dto: SubmitReportDto,
    @Req() request: PortalRequest,
  ): Promise<ReportView> {
    return this.reports.submit(auth, id, reportKind(kind), localeOf(request));
  }

  @Roles('applicant', 'admin')
  @Get('reports/:id')
  @ApiOperation({ summary: 'A report by its id' })
  byId(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ReportView> {
    return this.reports.getById(auth, id);
  }

  @Roles('admin')
  @Post('reports/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a submitted report with the accepted costs (per line or in total); 409 when decided',
  })
  approve(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ApproveReportDto,
  ): Promise<ReportView> {
    return this.review.approve(auth, id, dto);
  }

  @Roles('admin')
  @Post('reports/:id/request-changes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the organisation to change a submitted report, with a motivation; 409 when decided' })
  requestChanges(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: RequestReportChangesDto,
  ): Promise<ReportView> {
    return this.review.requestChanges(auth, id, dto.motivation);
  }

  @Roles('admin')
  @Get('calls/:id/report-settings')
  @ApiOperation({ summary: "The call's reporting: interim report or not, due dates, indicators" })
  settings(@Param('id', UUID_PIPE) id: string): Promise<ReportSettingsView> {
    return this.review.settings(id);
  }

  @Roles('admin')
  @Put('calls/:id/report-settings')
  @ApiOperation({ summary: "Set the call's reporting (due dates in Brussels time or ISO 8601 with an offset)" })
  saveSettings(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ReportSettingsDto,
  ): Promise<ReportSettingsView> {
    return this.review.saveSettings(auth, id, dto);
  }

  @Roles('admin')
  @Get('calls/:id/reports')
  @ApiOperation({ summary: 'Every report the call asks of its awarded dossiers: status, due date, overdue' })
  ofCall(@Param('id', UUID_PIPE) id: string): Promise<ReportSummary[]> {
    return this.review.ofCall(id);
  }
}
