import { Body, Controller, Get, Headers, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallCatalogueView, CatalogueReport } from '@portal/contracts';
import { Public, Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { versionFromIfMatch } from '../common/if-match';
import { type AuthContext, type PortalRequest } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { CatalogueReportService } from './catalogue-report.service';
import { CatalogueService } from './catalogue.service';
import { ReportExportQueryDto, SetCatalogueDto } from './dto/catalogue.dto';
import { reportTable, reportWorkbook } from './report-export';
import { sendFile, sendTable, XLSX_TYPE } from './send-table';

/** The catalogue of a catalogue call, and the reports on its subscriptions. */
@ApiTags('catalogue')
@Controller({ version: '1' })
export class CatalogueController {
  constructor(
    private readonly catalogues: CatalogueService,
    private readonly reports: CatalogueReportService,
  ) {}

  @Public()
  @Get('calls/:id/catalogue')
  @ApiOperation({
    summary: 'The catalogue of a catalogue call: objectives, actions, rows with unit, maximum and amount',
  })
  get(@Param('id', UUID_PIPE) id: string, @Req() request: PortalRequest): Promise<CallCatalogueView> {
    return this.catalogues.get(id, request.auth?.user.roles.includes('admin') ?? false);
  }

  @Roles('admin')
  @Put('calls/:id/catalogue')
  @ApiOperation({
    summary: 'Define or import the catalogue (If-Match: the call version); makes the call a catalogue call',
  })
  set(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: SetCatalogueDto,
  ): Promise<CallCatalogueView> {
    return this.catalogues.set(auth, id, versionFromIfMatch(ifMatch), dto.catalogue, auth.requestId);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/catalogue-report')
  @ApiOperation({
    summary:
      'Per action and objective: local governments taking part, planned reach, contribution asked and granted; per local government its subscription and allocation',
  })
  report(@Param('id', UUID_PIPE) id: string): Promise<CatalogueReport> {
    return this.reports.report(id);
  }

  @Roles('admin', 'minister')
  @Get('calls/:id/catalogue-report/export')
  @ApiOperation({ summary: 'The report as XLSX (three sheets) or CSV (one part: actions, objectives or subscribers)' })
  async exportReport(
    @Param('id', UUID_PIPE) id: string,
    @Query() query: ReportExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.reports.report(id);
    if (query.format === 'xlsx') {
      sendFile(response, `rapport-${report.callCode}.xlsx`, XLSX_TYPE, await reportWorkbook(report));
      return;
    }
    const part = query.part ?? 'actions';
    const table = reportTable(report, part);
    await sendTable(response, `rapport-${report.callCode}-${part}`, table.sheet, table.header, table.rows, 'csv');
  }
}
