import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALLOCATION_REASON_TEXT, textOf, type CatalogueAllocationView } from '@portal/contracts';
import { ApproveProposalDto, ReturnProposalDto } from '../assessment/dto/assessment.dto';
import type { Cell, Column } from '../assessment/spreadsheet';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { AllocationService } from './allocation.service';
import { ReportExportQueryDto } from './dto/catalogue.dto';
import { sendTable } from './send-table';

/** The allocation of a catalogue call: computed and sent by the administration, returned or approved by the minister. */
@ApiTags('catalogue')
@Controller({ version: '1' })
export class AllocationController {
  constructor(private readonly allocations: AllocationService) {}

  @Roles('admin')
  @Post('calls/:id/allocation')
  @ApiOperation({
    summary: 'Allocate the budget over the submitted subscriptions by priority rounds (after the deadline)',
  })
  compute(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<CatalogueAllocationView> {
    return this.allocations.compute(auth, id, auth.requestId);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/allocation')
  @ApiOperation({ summary: 'The latest allocation, with per local government what was asked, granted and why' })
  get(@Param('id', UUID_PIPE) id: string): Promise<CatalogueAllocationView> {
    return this.allocations.get(id);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/allocation/export')
  @ApiOperation({ summary: 'The allocation as CSV or XLSX, one line per local government and action' })
  async export(
    @Param('id', UUID_PIPE) id: string,
    @Query() query: ReportExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const allocation = await this.allocations.get(id);
    const header: Column[] = [
      { header: 'Dossiernummer' },
      { header: 'Lokaal bestuur' },
      { header: 'NIS-code' },
      { header: 'Prioriteit', kind: 'number' },
      { header: 'Actie' },
      { header: 'Gevraagd', kind: 'euro' },
      { header: 'Na het actiebudget', kind: 'euro' },
      { header: 'Toegekend', kind: 'euro' },
      { header: 'Reden' },
      { header: 'Uitleg' },
    ];
    const rows: Cell[][] = allocation.subscribers.flatMap((s) =>
      s.lines.map((l) => [
        s.reference,
        s.legalName,
        s.nisCode,
        l.priority,
        l.actionCode,
        l.askedCents / 100,
        l.cappedCents / 100,
        l.grantedCents / 100,
        textOf(ALLOCATION_REASON_TEXT, l.reason, 'nl'),
        l.text.nl,
      ]),
    );
    await sendTable(response, `verdeling-${allocation.callCode}`, 'Verdeling', header, rows, query.format ?? 'csv');
  }

  @Roles('admin')
  @Post('calls/:id/allocation/send')
  @HttpCode(200)
  @ApiOperation({ summary: "Send the allocation to the minister's cabinet" })
  send(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<CatalogueAllocationView> {
    return this.allocations.send(auth, id, auth.requestId);
  }

  @Roles('minister')
  @Post('calls/:id/allocation/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the allocation back with remarks' })
  returnAllocation(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ReturnProposalDto,
  ): Promise<CatalogueAllocationView> {
    return this.allocations.returnToAdministration(auth, id, dto.remarks, auth.requestId);
  }

  @Roles('minister')
  @Post('calls/:id/allocation/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the allocation (the legal decision): under a lock, never above the budget' })
  approve(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Body() dto: ApproveProposalDto,
  ): Promise<CatalogueAllocationView> {
    return this.allocations.approve(auth, id, dto, auth.requestId);
  }
}
