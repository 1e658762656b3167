import { Injectable } from '@nestjs/common';
import { AUDIT_EXPORT_LIMIT, auditActionText, type AuditEventPage, type AuditEventView } from '@portal/contracts';
import { AppException, AuditRepository, type LocalizedFieldError } from '@portal/server';
import type { AuthContext } from '../common/request-context';
import { neutraliseFormula, type Cell, type Column } from '../assessment/spreadsheet';
import { brusselsBound } from './audit-period';
import { AuditLogRepository, type AuditCursor, type AuditFilter, type AuditRow } from './audit-log.repository';
import type { AuditEventFilterDto } from './dto/audit-event-query.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const AUDIT_PAGE_SIZE = 50;

function invalid(field: string, nl: string, en: string): AppException {
  const error: LocalizedFieldError = { field, code: 'invalid', message: { nl, en } };
  return new AppException('VALIDATION_FAILED', { errors: [error] });
}

function toView(row: AuditRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityLabel: row.entity_label,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}

function encodeCursor(row: AuditRow): string {
  return Buffer.from(JSON.stringify([row.occurred_key, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): AuditCursor {
  try {
    const [occurredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof occurredAt === 'string' && CURSOR_MOMENT.test(occurredAt) && typeof id === 'string' && UUID.test(id))
      return { occurredAt, id };
  } catch {
    // Falls through to the validation error.
  }
  throw invalid(
    'cursor',
    'Ongeldige positie in de lijst; begin opnieuw bij de eerste pagina.',
    'Invalid list position; start again at the first page.',
  );
}

/** Values typed by users (a failed login's address) end up here: in XLSX too, a cell never starts a formula. */
function safeCell(value: string | null): Cell {
  return value === null ? null : neutraliseFormula(value);
}

/** The audit log for the administration: filter, page and export. Reading is not audited; exporting is. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(query: AuditEventFilterDto & { cursor?: string; limit?: number }): Promise<AuditEventPage> {
    const filter = this.filter(query);
    const limit = query.limit ?? AUDIT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.repository.list(filter, limit + 1, after);
    const items = rows.slice(0, limit);
    return {
      items: items.map(toView),
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null,
    };
  }

  /** Header and rows of the export, newest first; refuses a filter that matches more than AUDIT_EXPORT_LIMIT rows. */
  async exportRows(
    auth: AuthContext,
    query: AuditEventFilterDto,
    format: 'csv' | 'xlsx',
    requestId: string | null,
  ): Promise<{ header: Column[]; rows: Cell[][] }> {
    const filter = this.filter(query);
    const found = await this.repository.list(filter, AUDIT_EXPORT_LIMIT + 1);
    if (found.length > AUDIT_EXPORT_LIMIT) {
      throw invalid(
        'from',
        `Meer dan ${AUDIT_EXPORT_LIMIT} gebeurtenissen: beperk de periode of de filters.`,
        `More than ${AUDIT_EXPORT_LIMIT} events: narrow the period or the filters.`,
      );
    }
    // Who took a copy of the log, and of what, is itself part of the log.
    await this.audit.record({
      actorUserId: auth.user.id,
      action: 'audit.exported',
      entityType: 'system',
      entityId: null,
      after: { format, rows: found.length, filter: { ...query } },
      requestId,
    });
    const header: Column[] = [
      { header: 'Tijdstip (Brussel)', kind: 'moment' },
      { header: 'Wie' },
      { header: 'Handeling' },
      { header: 'Object' },
      { header: 'Soort object' },
      { header: 'Handelingscode' },
      { header: 'Actor-id' },
      { header: 'Object-id' },
      { header: 'Voor' },
      { header: 'Na' },
      { header: 'Request-id' },
    ];
    const rows: Cell[][] = found.map((row) => [
      row.occurred_at,
      safeCell(row.actor_name ? `${row.actor_name} (${row.actor_email ?? ''})` : row.actor_email),
      safeCell(auditActionText(row.action, 'nl')),
      safeCell(row.entity_label),
      safeCell(row.entity_type),
      safeCell(row.action),
      row.actor_user_id,
      safeCell(row.entity_id),
      row.before === null ? null : safeCell(JSON.stringify(row.before)),
      row.after === null ? null : safeCell(JSON.stringify(row.after)),
      safeCell(row.request_id),
    ]);
    return { header, rows };
  }

  private filter(query: AuditEventFilterDto): AuditFilter {
    const filter: AuditFilter = {
      entityType: query.entityType,
      entityId: query.entityId?.trim() || undefined,
      action: query.action,
    };
    const actor = query.actor?.trim();
    if (actor && UUID.test(actor)) filter.actorUserId = actor.toLowerCase();
    else if (actor && /^[^\s@]+@[^\s@]+$/.test(actor)) filter.actorEmail = actor;
    else if (actor) {
      throw invalid('actor', 'Geef een e-mailadres of een gebruikers-id.', 'Give an e-mail address or a user id.');
    }
    for (const bound of ['from', 'to'] as const) {
      const value = query[bound]?.trim();
      if (!value) continue;
      const moment = brusselsBound(value, bound);
      if (!moment) {
        throw invalid(
          bound,
          'Geef een datum (JJJJ-MM-DD) of een tijdstip (JJJJ-MM-DDTUU:MM) in Brusselse tijd.',
          'Give a date (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM) in Brussels time.',
        );
      }
      filter[bound] = moment;
    }
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw invalid('to', 'De einddatum ligt vóór de begindatum.', 'The end date is before the start date.');
    }
    return filter;
  }
}
