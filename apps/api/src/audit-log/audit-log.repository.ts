import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  /** Matches the actor's account, or the address typed in an anonymous attempt (failed logins). */
  actorEmail?: string;
  /** Exact action, or every action that starts with it when it ends with a dot. */
  action?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** Position after the last row of a page: its moment to the microsecond (a JS Date stops at milliseconds) and id. */
export interface AuditCursor {
  occurredAt: string;
  id: string;
}

export interface AuditRow {
  id: string;
  occurred_at: Date;
  occurred_key: string;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** What a person recognises the object by: a dossier's reference, a call's code, an applicant's name, an address. */
  entity_label: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

/** Read side of audit_events for the administration: filtered, newest first, keyset-paginated. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` rows after the cursor, newest first (ties on the moment ordered by id). */
  list(filter: AuditFilter, limit: number, after?: AuditCursor): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const where = this.conditions(filter, params);
    if (after) {
      params.push(after.occurredAt, after.id);
      const at = `$${params.length - 1}::timestamptz`;
      const id = `$${params.length}::uuid`;
      // Spelled out rather than a row comparison, so the index on occurred_at serves it.
      where.push(`a.occurred_at <= ${at} AND (a.occurred_at < ${at} OR a.id < ${id})`);
    }
    params.push(limit);
    return this.dataSource.query<AuditRow[]>(
      `SELECT a.id, a.occurred_at,
              to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_key,
              a.actor_user_id, u.email AS actor_email, u.display_name AS actor_name,
              a.action, a.entity_type, a.entity_id, a.before, a.after, a.request_id,
              CASE a.entity_type
                WHEN 'dossier' THEN coalesce(d.reference, d.title)
                WHEN 'call' THEN c.code
                WHEN 'applicant' THEN ap.legal_name
                WHEN 'user' THEN eu.email
              END AS entity_label
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
         -- entity_id is text (not every object has a uuid): CASE makes sure only a uuid is ever cast.
         LEFT JOIN LATERAL (SELECT CASE WHEN a.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                        THEN a.entity_id::uuid END AS uid) e ON true
         LEFT JOIN dossiers d ON a.entity_type = 'dossier' AND d.id = e.uid
         LEFT JOIN calls c ON a.entity_type = 'call' AND c.id = e.uid
         LEFT JOIN applicants ap ON a.entity_type = 'applicant' AND ap.id = e.uid
         LEFT JOIN users eu ON a.entity_type = 'user' AND eu.id = e.uid
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  private conditions(filter: AuditFilter, params: unknown[]): string[] {
    const where: string[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.entityType) where.push(`a.entity_type = ${add(filter.entityType)}`);
    if (filter.entityId) where.push(`a.entity_id = ${add(filter.entityId)}`);
    if (filter.actorUserId) where.push(`a.actor_user_id = ${add(filter.actorUserId)}::uuid`);
    if (filter.actorEmail) {
      const email = add(filter.actorEmail.trim().toLowerCase());
      where.push(`(u.email = ${email} OR (a.actor_user_id IS NULL AND a.after->>'email' = ${email}))`);
    }
    if (filter.action?.endsWith('.')) {
      where.push(`a.action LIKE ${add(`${filter.action.replace(/_/g, '\\_')}%`)} ESCAPE '\\'`);
    } else if (filter.action) {
      where.push(`a.action = ${add(filter.action)}`);
    }
    if (filter.from) where.push(`a.occurred_at >= ${add(filter.from)}`);
    if (filter.to) where.push(`a.occurred_at < ${add(filter.to)}`);
    return where;
  }
}
