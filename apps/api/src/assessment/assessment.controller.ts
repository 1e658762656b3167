import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  AdmissibilityRow,
  BudgetDecisionView,
  AssignmentView,
  DossierScoresView,
  ProposalSummary,
  ProposalView,
  RankingRow,
} from '@portal/contracts';
import { AppException, CallLifecycleRepository } from '@portal/server';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AdmissibilityService } from './admissibility.service';
import { ApprovalService } from './approval.service';
import { BudgetDecisionService } from './budget-decision.service';
import { RankingService } from './ranking.service';
import { ReviewAssignmentService } from './review-assignment.service';
import { ScoresService } from './scores.service';
import {
  AdmissibilityDto,
  BulkAdmissibilityDto,
  ApproveProposalDto,
  AssignDto,
  BudgetDecisionDto,
  ConsensusDto,
  ProposalDto,
  ReturnProposalDto,
} from './dto/assessment.dto';
import { proposalTable, rankingTable } from './exports';
import { toCsv, toXlsx, type Cell, type Column } from './spreadsheet';

class ExportQueryDto {
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

/** The administration's and the minister's side of the assessment. */
@ApiTags('assessment')
@Controller({ version: '1' })
export class AssessmentController {
  constructor(
    private readonly admissibilityService: AdmissibilityService,
    private readonly assignmentService: ReviewAssignmentService,
    private readonly scoresService: ScoresService,
    private readonly rankingService: RankingService,
    private readonly approval: ApprovalService,
    private readonly budgets: BudgetDecisionService,
    private readonly lifecycle: CallLifecycleRepository,
  ) {}

  @Roles('admin')
  @Get('calls/:id/admissibility')
  @ApiOperation({
    summary: 'Submitted dossiers with their automatic admissibility checks and decisions (after the deadline)',
  })
  admissibility(@Param('id', UUID_PIPE) id: string): Promise<AdmissibilityRow[]> {
    return this.admissibilityService.admissibility(id);
  }

  @Roles('admin')
  @Post('dossiers/:id/admissibility')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide admissibility with a motivation' })
  decide(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: AdmissibilityDto,
  ): Promise<AdmissibilityRow> {
    return this.admissibilityService.decide(auth, id, dto.decision, dto.motivation, auth.requestId);
  }

  @Roles('admin')
  @Post('calls/:id/admissibility')
  @HttpCode(200)
  @ApiOperation({
    summary: 'One motivated admissibility decision for many dossiers (by default: all undecided that pass)',
  })
  decideInBulk(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: BulkAdmissibilityDto,
  ): Promise<AdmissibilityRow[]> {
    return this.admissibilityService.decideInBulk(
      auth,
      id,
      { decision: dto.decision, motivation: dto.motivation, dossierIds: dto.dossierIds },
      auth.requestId,
    );
  }

  @Roles('admin')
  @Get('calls/:id/assignments')
  @ApiOperation({ summary: 'Reviewer assignments of a call' })
  assignments(@Param('id', UUID_PIPE) id: string): Promise<AssignmentView[]> {
    return this.assignmentService.assignments(id);
  }

  @Roles('admin')
  @Post('calls/:id/assignments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign a reviewer by hand, or N reviewers per admissible dossier automatically (load spread evenly)',
  })
  assign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: AssignDto,
  ): Promise<AssignmentView[]> {
    return this.assignmentService.assign(auth, id, dto);
  }

  @Roles('admin')
  @Get('calls/:id/scores')
  @ApiOperation({ summary: "Reviewers' scores, their mean and the consensus per admissible dossier" })
  scores(@Param('id', UUID_PIPE) id: string): Promise<DossierScoresView[]> {
    return this.scoresService.scores(id);
  }

  @Roles('admin')
  @Put('dossiers/:id/consensus')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set the consensus score per criterion, with a motivation' })
  consensus(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ConsensusDto,
  ): Promise<void> {
    return this.scoresService.setConsensus(auth, id, dto.scores, auth.requestId);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/ranking')
  @ApiOperation({ summary: 'The ranking: weighted totals, insufficient dossiers last, ties broken by the call rule' })
  async ranking(@Param('id', UUID_PIPE) id: string): Promise<RankingRow[]> {
    return (await this.rankingService.ranking(id)).rows;
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/ranking/export')
  @ApiOperation({ summary: 'The ranking as CSV or XLSX' })
  async exportRanking(
    @Param('id', UUID_PIPE) id: string,
    @Query() query: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { call, rows } = await this.rankingService.ranking(id);
    const { header, data } = rankingTable(call, rows);
    await this.send(response, `rangschikking-${call.code}`, 'Rangschikking', header, data, query.format ?? 'csv');
  }

  @Roles('admin')
  @Post('calls/:id/proposal')
  @ApiOperation({
    summary:
      'Compute a selection proposal within the budget (margin rule, envelopes, motivated overrides and adjustments)',
  })
  propose(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ProposalDto,
  ): Promise<ProposalView> {
    return this.rankingService.propose(auth, id, dto, auth.requestId);
  }

  @Roles('admin', 'minister')
  @Get('proposals')
  @ApiOperation({ summary: 'The latest selection proposal per call (the minister: those sent or approved)' })
  proposals(@CurrentAuth() auth: AuthContext): Promise<ProposalSummary[]> {
    return this.approval.proposals(auth);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/proposal')
  @ApiOperation({ summary: 'The latest selection proposal' })
  proposal(@Param('id', UUID_PIPE) id: string): Promise<ProposalView> {
    return this.approval.proposal(id);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/proposal/export')
  @ApiOperation({ summary: 'The selection proposal as CSV or XLSX' })
  async exportProposal(
    @Param('id', UUID_PIPE) id: string,
    @Query() query: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const proposal = await this.approval.proposal(id);
    const { header, data } = proposalTable(proposal);
    const code = (await this.lifecycle.read(proposal.callId))?.call.code ?? proposal.callId;
    await this.send(response, `selectievoorstel-${code}`, 'Selectievoorstel', header, data, query.format ?? 'csv');
  }

  @Roles('admin')
  @Post('calls/:id/proposal/send')
  @HttpCode(200)
  @ApiOperation({ summary: "Send the proposal to the minister's cabinet" })
  sendToMinister(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<ProposalView> {
    return this.approval.send(auth, id, auth.requestId);
  }

  @Roles('minister')
  @Post('calls/:id/proposal/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the proposal back with remarks' })
  returnProposal(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ReturnProposalDto,
  ): Promise<ProposalView> {
    return this.approval.returnToAdministration(auth, id, dto.remarks, auth.requestId);
  }

  @Roles('minister')
  @Post('calls/:id/proposal/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the proposal (the legal decision): atomic, under a lock, never above the budget' })
  approve(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ApproveProposalDto,
  ): Promise<ProposalView> {
    return this.approval.approve(auth, id, dto.decisionDate, dto.decisionReference, auth.requestId);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/budget-decisions')
  @ApiOperation({ summary: "The call's motivated budget raises since the assessment started" })
  budgetDecisions(@Param('id', UUID_PIPE) id: string): Promise<BudgetDecisionView[]> {
    return this.budgets.list(id);
  }

  @Roles('admin', 'minister')
  @Post('calls/:id/budget-decisions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Raise the budget with a motivation: the administration before the decision, the minister (with date and reference) after it',
  })
  decideBudget(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: BudgetDecisionDto,
  ): Promise<BudgetDecisionView[]> {
    return this.budgets.decide(auth, id, dto, auth.requestId);
  }

  private async send(
    response: Response,
    name: string,
    sheet: string,
    header: Column[],
    rows: Cell[][],
    format: 'csv' | 'xlsx',
  ): Promise<void> {
    if (format !== 'csv' && format !== 'xlsx') throw new AppException('VALIDATION_FAILED');
    const body = format === 'csv' ? toCsv(header, rows) : await toXlsx(sheet, header, rows);
    response
      .status(200)
      .type(
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .attachment(`${name}.${format}`)
      .send(body);
  }
}
