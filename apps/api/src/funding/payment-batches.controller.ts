import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PaymentBatchView } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { MarkPaidDto } from './dto/funding.dto';
import { PaymentBatchService } from './payment-batch.service';

/** Payment batches (ADR 0023): compiled by one admin, approved by another, exported, marked paid. */
@ApiTags('funding')
@Roles('admin')
@Controller({ version: '1' })
export class PaymentBatchesController {
  constructor(private readonly batches: PaymentBatchService) {}

  @Get('calls/:id/payment-batches')
  @ApiOperation({ summary: "The call's payment batches, newest first" })
  list(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<PaymentBatchView[]> {
    return this.batches.list(auth, id);
  }

  @Post('calls/:id/payment-batches')
  @ApiOperation({ summary: 'Collect every due tranche not yet paid nor in a batch into a new batch' })
  create(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<PaymentBatchView> {
    return this.batches.create(auth, id, auth.requestId);
  }

  @Get('payment-batches/:id')
  @ApiOperation({ summary: 'One payment batch with its items' })
  get(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<PaymentBatchView> {
    return this.batches.get(auth, id);
  }

  @Post('payment-batches/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a batch (another admin than who compiled it); its payments are then committed' })
  approve(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<PaymentBatchView> {
    return this.batches.approve(auth, id, auth.requestId);
  }

  @Post('payment-batches/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an open batch; its tranches can go into a new one' })
  cancel(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<PaymentBatchView> {
    return this.batches.cancel(auth, id, auth.requestId);
  }

  @Post('payment-batches/:id/paid')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an approved batch paid, with the execution date of the bank' })
  paid(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: MarkPaidDto,
  ): Promise<PaymentBatchView> {
    return this.batches.markPaid(auth, id, dto.executionDate, auth.requestId);
  }

  @Get('payment-batches/:id/sepa')
  @ApiOperation({ summary: 'The SEPA credit transfer file (ISO 20022 pain.001.001.03) of an approved batch' })
  async sepa(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { filename, xml } = await this.batches.sepa(auth, id, auth.requestId);
    response
      .status(200)
      .type('application/xml')
      .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(xml);
  }

  @Get('payment-batches/:id/csv')
  @ApiOperation({ summary: 'The same batch as CSV' })
  async csv(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { filename, csv } = await this.batches.csv(auth, id, auth.requestId);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(csv);
  }
}
