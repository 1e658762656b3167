import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditEventPage } from '@portal/contracts';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { toCsv, toXlsx } from '../assessment/spreadsheet';
import { AuditLogService } from './audit-log.service';
import { AuditEventQueryDto, AuditExportQueryDto } from './dto/audit-event-query.dto';

/** The audit log (append-only) for the administration: filtered list and CSV/XLSX export. */
@ApiTags('audit')
@Roles('admin')
@Controller({ path: 'admin/audit-events', version: '1' })
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary:
      'Audit events, newest first, filtered by entity, actor (e-mail or id), action (or its prefix ending in a dot) ' +
      'and Brussels dates; pass nextCursor as cursor for the next page',
  })
  list(@Query() query: AuditEventQueryDto): Promise<AuditEventPage> {
    return this.auditLog.list(query);
  }

  @Get('export')
  @ApiOperation({ summary: 'The filtered audit events as CSV or XLSX (the export itself is audited)' })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Query() query: AuditExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { format = 'csv', ...filter } = query;
    const { header, rows } = await this.auditLog.exportRows(auth, filter, format, auth.requestId);
    const body = format === 'csv' ? toCsv(header, rows) : await toXlsx('Auditlog', header, rows);
    response
      .status(200)
      .type(
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .attachment(`auditlog.${format}`)
      .send(body);
  }
}
