import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_ENTITY_TYPES, auditActionText, type AuditEntityType, type AuditEventView } from '@portal/contracts';
import { auditExportUrl, useAuditEvents, type AuditFilter, type AuditListQuery } from '../../api/audit';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { LogTable } from '../../components/log-table';
import type { DataTableColumn } from '../../components/data-table';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { LoadingIndicator } from '../../components/loading-indicator';
import { momentColumn } from '../../components/moment-column';
import { Pagination } from '../../components/pagination';
import { useUrlFilterForm } from '../../forms/use-url-filter-form';
import { currentLanguage } from '../../i18n';
import { AdminPageHeader } from './admin-page-header';

const FILTER_KEYS = ['entityType', 'entityId', 'actor', 'action', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type FilterValues = Record<FilterKey, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LENGTH: Record<FilterKey, number> = {
  entityType: 50,
  entityId: 100,
  actor: 254,
  action: 100,
  from: 10,
  to: 10,
};

function isEntityType(value: string): value is AuditEntityType {
  return (AUDIT_ENTITY_TYPES as readonly string[]).includes(value);
}

/** The query in the URL (unknown or malformed values are dropped, so a hand-edited URL still works). */
function queryFromSearch(params: URLSearchParams): AuditListQuery {
  const query: AuditListQuery = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim().slice(0, MAX_LENGTH[key]);
    if (!value) continue;
    if (key === 'entityType' && !isEntityType(value)) continue;
    if ((key === 'from' || key === 'to') && !DATE.test(value)) continue;
    query[key] = value;
  }
  const cursor = params.get('cursor');
  if (cursor && cursor.length <= 200) query.cursor = cursor;
  return query;
}

function searchFromQuery(query: AuditListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query[key]) params.set(key, query[key]);
  if (query.cursor) params.set('cursor', query.cursor);
  return params;
}

function formValues(filter: AuditFilter): FilterValues {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, filter[key] ?? ''])) as FilterValues;
}

/** The form shows the filter of the URL query, without its cursor. */
function formValuesOfSearch(params: URLSearchParams): FilterValues {
  const { cursor: _cursor, ...filter } = queryFromSearch(params);
  return formValues(filter);
}

function json(value: Record<string, unknown> | null): string {
  return value === null ? '–' : JSON.stringify(value, null, 2);
}

const AUDIT_FILTER_FORM = { texts: 'auditLog', resetTo: '/administratie/audit', testIdPrefix: 'audit-filter' } as const;

/**
 * `/administratie/audit`: the audit log (append-only), newest first. The filters live in the URL query like the
 * notification log; pages follow with a cursor (the list may be long), the browser's back button returns to the page
 * before. The export downloads the same filter as CSV or Excel.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { form, searchParams, apply } = useUrlFilterForm(formValuesOfSearch);
  const query = queryFromSearch(searchParams);
  const { cursor, ...filter } = query;
  const list = useAuditEvents(query);
  const title = t('auditLog.title');

  const onSubmit = form.handleSubmit((values) => {
    const next: AuditListQuery = {};
    for (const key of FILTER_KEYS) {
      const value = values[key].trim();
      if (value) next[key] = value;
    }
    apply(searchFromQuery(next), () => void list.refetch());
  });

  const columns: DataTableColumn<AuditEventView>[] = [
    momentColumn('occurredAt', t('auditLog.occurredAt'), (row) => row.occurredAt),
    {
      id: 'actor',
      header: t('auditLog.actor'),
      cell: (row) =>
        row.actorEmail ? (
          <span className="code--wrap">{row.actorEmail}</span>
        ) : (
          <span className="muted">{row.actorUserId ? row.actorUserId : t('auditLog.noActor')}</span>
        ),
    },
    {
      id: 'action',
      header: t('auditLog.action'),
      cell: (row) => (
        <>
          {auditActionText(row.action, language)}
          <br />
          <span className="code muted">{row.action}</span>
        </>
      ),
    },
    {
      id: 'entity',
      header: t('auditLog.entity'),
      cell: (row) => (
        <>
          {isEntityType(row.entityType) ? t(`auditLog.entityTypes.${row.entityType}`) : row.entityType}
          {row.entityLabel ? (
            <>
              {' '}
              <strong data-testid="audit-entity-label">{row.entityLabel}</strong>
            </>
          ) : null}
          {row.entityId ? (
            <>
              <br />
              <span className="code code--wrap muted">{row.entityId}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: 'changes',
      header: t('auditLog.changes'),
      cell: (row) =>
        row.before === null && row.after === null ? (
          '–'
        ) : (
          <details className="audit-log__details">
            <summary>
              {t('auditLog.showChanges')}
              <span className="visually-hidden"> {t('auditLog.ofEvent', { action: row.action })}</span>
            </summary>
            <dl>
              <dt>{t('auditLog.before')}</dt>
              <dd>
                <pre className="audit-log__json">{json(row.before)}</pre>
              </dd>
              <dt>{t('auditLog.after')}</dt>
              <dd>
                <pre className="audit-log__json">{json(row.after)}</pre>
              </dd>
              {row.requestId ? (
                <>
                  <dt>{t('auditLog.requestId')}</dt>
                  <dd className="code code--wrap">{row.requestId}</dd>
                </>
              ) : null}
            </dl>
          </details>
        ),
    },
  ];

  const data = list.data;
  const entityTypeOptions = AUDIT_ENTITY_TYPES.map((type) => ({
    value: type,
    label: t(`auditLog.entityTypes.${type}`),
  }));

  const rowData = (row: AuditEventView) => ({ 'data-testid': 'audit-row', 'data-action': row.action });
  return (
    <>
      <AdminPageHeader title={title} lead={t('auditLog.intro')} />

      <FilterForm {...AUDIT_FILTER_FORM} form={form} onSubmit={(event) => void onSubmit(event)}>
        <div className="form-row form-row--four">
          <SelectFilter name="entityType" allKey="allEntityTypes" options={entityTypeOptions} />
          <TextFilter name="entityId" maxLength={100} />
          <TextFilter name="actor" maxLength={254} noCapitals />
          <TextFilter name="action" maxLength={100} noCapitals />
        </div>
        <div className="form-row form-row--four">
          <TextFilter name="from" type="date" helpKey="dateHelp" />
          <TextFilter name="to" type="date" />
        </div>
      </FilterForm>

      <div className="table-toolbar">
        <p className="table-toolbar__summary" data-testid="audit-summary" aria-live="polite">
          {data ? t(cursor ? 'auditLog.summaryLater' : 'auditLog.summary', { count: data.items.length }) : null}
        </p>
        <p className="button-row">
          <a href={auditExportUrl(filter, 'csv')} download data-testid="audit-export-csv">
            {t('auditLog.exportCsv')}
          </a>
          <a href={auditExportUrl(filter, 'xlsx')} download data-testid="audit-export-xlsx">
            {t('auditLog.exportXlsx')}
          </a>
        </p>
      </div>

      {list.isPending ? <LoadingIndicator /> : null}
      {list.error ? (
        <Alert tone="error" data-testid="audit-error">
          {errorMessage(list.error, t)}
        </Alert>
      ) : null}
      <LogTable log="auditLog" query={list} columns={columns} rowData={rowData} />

      {data && (cursor || data.nextCursor) ? (
        <Pagination
          label={t('auditLog.pagination')}
          items={[
            cursor ? (
              <Link to={`?${searchFromQuery(filter).toString()}`} data-testid="audit-page-first">
                {t('auditLog.first')}
              </Link>
            ) : null,
            data.nextCursor ? (
              <Link
                to={`?${searchFromQuery({ ...filter, cursor: data.nextCursor }).toString()}`}
                rel="next"
                data-testid="audit-page-next"
              >
                {t('auditLog.next')}
              </Link>
            ) : null,
          ]}
        />
      ) : null}
    </>
  );
}
