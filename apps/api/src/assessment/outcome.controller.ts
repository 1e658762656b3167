import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DossierDecisionView, ReserveView } from '@portal/contracts';
import { RequiresVerifiedEmail } from '../auth/verified-email.guard';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { ApproveProposalDto, DeclineDto, ProposePromotionDto, ReturnProposalDto } from './dto/assessment.dto';
import { OutcomeService } from './outcome.service';
import { ReserveService } from './reserve.service';

/** After the decision: the applicant's decision and letter, declining, and the reserve list. */
@ApiTags('assessment')
@Controller({ version: '1' })
export class OutcomeController {
  constructor(
    private readonly outcomes: OutcomeService,
    private readonly reserves: ReserveService,
  ) {}

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/decision')
  @ApiOperation({ summary: 'The decision on a dossier; "pending" (and no scores) until the minister decided' })
  decision(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<DossierDecisionView> {
    return this.outcomes.decision(auth, id);
  }

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/decision/letter')
  @ApiOperation({ summary: 'The decision letter (PDF, Dutch)' })
  async letter(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { filename, pdf } = await this.outcomes.letter(auth, id);
    response
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(pdf);
  }

  @Roles('applicant')
  @RequiresVerifiedEmail()
  @Post('dossiers/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give up an awarded subsidy; the money goes to the reserve list' })
  decline(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: DeclineDto,
  ): Promise<DossierDecisionView> {
    return this.outcomes.decline(auth, id, dto.motivation, auth.requestId);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/reserve')
  @ApiOperation({ summary: 'The reserve list after the decision: what came free, who is next, promotions' })
  reserve(@Param('id', UUID_PIPE) id: string): Promise<ReserveView> {
    return this.reserves.reserve(id);
  }

  @Roles('admin')
  @Post('calls/:id/reserve-promotions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose the next reserve dossier that fits to the minister' })
  propose(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ProposePromotionDto,
  ): Promise<ReserveView> {
    return this.reserves.proposePromotion(auth, id, dto.dossierId, dto.motivation, auth.requestId);
  }

  @Roles('minister')
  @Post('reserve-promotions/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The minister confirms a reserve promotion (a decision of its own)' })
  confirm(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ApproveProposalDto,
  ): Promise<ReserveView> {
    return this.reserves.decidePromotion(
      auth,
      id,
      { confirm: true, decisionDate: dto.decisionDate, decisionReference: dto.decisionReference },
      auth.requestId,
    );
  }

  @Roles('minister')
  @Post('reserve-promotions/:id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'The minister refuses a reserve promotion, with remarks' })
  refuse(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ReturnProposalDto,
  ): Promise<ReserveView> {
    return this.reserves.decidePromotion(auth, id, { confirm: false, remarks: dto.remarks }, auth.requestId);
  }
}
