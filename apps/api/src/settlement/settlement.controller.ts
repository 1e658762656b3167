import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallLedgerView, DossierFinanceView, LedgerView, RecoveryView } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { RecordRepaymentDto } from './dto/settlement.dto';
import { LedgerService } from './ledger.service';
import { RecoveryService } from './recovery.service';

/** After the final report (ADR 0025): the ledger, a dossier's settlement, recoveries and their repayments. */
@ApiTags('settlement')
@Controller({ version: '1' })
export class SettlementController {
  constructor(
    private readonly ledgers: LedgerService,
    private readonly recoveries: RecoveryService,
  ) {}

  @Roles('admin')
  @Get('calls/:id/ledger')
  @ApiOperation({
    summary: "The call's ledger: per dossier granted, accepted, paid, due, to recover, recovered; totals",
  })
  callLedger(@Param('id', UUID_PIPE) id: string): Promise<CallLedgerView> {
    return this.ledgers.ofCall(id);
  }

  @Roles('admin')
  @Get('calls/:id/ledger/export')
  @ApiOperation({ summary: "The call's ledger as XLSX (euro cells, a totals line)" })
  async exportLedger(@Param('id', UUID_PIPE) id: string, @Res() response: Response): Promise<void> {
    const { filename, body } = await this.ledgers.xlsx(id);
    response
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(filename)
      .setHeader('Cache-Control', 'private, no-store')
      .send(body);
  }

  @Roles('applicant')
  @Get('ledger/mine')
  @ApiOperation({ summary: "The ledger of the user's organisations: their awarded dossiers" })
  organisationLedger(@CurrentAuth() auth: AuthContext): Promise<LedgerView> {
    return this.ledgers.ofOrganisation(auth);
  }

  @Roles('applicant')
  @Get('ledger/mine/export')
  @ApiOperation({ summary: "The organisation's ledger as XLSX: the same rows and totals as ledger/mine" })
  async exportOrganisationLedger(@CurrentAuth() auth: AuthContext, @Res() response: Response): Promise<void> {
    const { filename, body } = await this.ledgers.organisationXlsx(auth);
    response
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(filename)
      .setHeader('Cache-Control', 'private, no-store')
      .send(body);
  }

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/finances')
  @ApiOperation({ summary: "An awarded dossier's figures, its settlement and its recovery (with how to repay)" })
  finances(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<DossierFinanceView> {
    return this.ledgers.ofDossier(auth, id);
  }

  @Roles('applicant', 'admin')
  @Get('dossiers/:id/recovery/letter')
  @ApiOperation({ summary: 'The recovery letter (PDF, Dutch)' })
  async letter(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { filename, pdf } = await this.recoveries.letter(auth, id);
    response
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(pdf);
  }

  @Roles('admin')
  @Get('calls/:id/recoveries')
  @ApiOperation({ summary: "The call's recoveries, open ones first" })
  ofCall(@Param('id', UUID_PIPE) id: string): Promise<RecoveryView[]> {
    return this.recoveries.ofCall(id);
  }

  @Roles('admin')
  @Get('recoveries/:id')
  @ApiOperation({ summary: 'One recovery with its repayments' })
  get(@Param('id', UUID_PIPE) id: string): Promise<RecoveryView> {
    return this.recoveries.get(id);
  }

  @Roles('admin')
  @Post('recoveries/:id/repayments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a repayment (partial allowed, never more than is open)' })
  repay(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: RecordRepaymentDto,
  ): Promise<RecoveryView> {
    return this.recoveries.recordRepayment(auth, id, dto);
  }
}
