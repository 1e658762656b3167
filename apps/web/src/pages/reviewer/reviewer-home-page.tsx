import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import { useMyAssignments } from '../../api/reviews';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { EmptyState } from '../../components/empty-state';
import { LoadingIndicator } from '../../components/loading-indicator';
import { PageControls, usePagedRows } from '../../components/paged-rows';
import { ApplicantIdentity } from './applicant-identity';
import { AssignmentStatusBadge } from './assignment-status-badge';

/** The groups in the order a reviewer works through them: what is still to do comes first. */
const GROUPS = [
  { status: 'assigned', title: 'reviewer.home.toDoTitle', empty: 'reviewer.home.toDoEmpty' },
  { status: 'submitted', title: 'reviewer.home.submittedTitle', empty: null },
  { status: 'conflict', title: 'reviewer.home.conflictTitle', empty: null },
] as const satisfies ReadonlyArray<{ status: AssignmentView['status']; title: string; empty: string | null }>;

function byReference(a: AssignmentView, b: AssignmentView): number {
  return (a.reference ?? '').localeCompare(b.reference ?? '', undefined, { numeric: true });
}

/**
 * `/beoordeling` ("Mijn toewijzingen"): the reviewer's assignments, to do first, each with its title, applicant (to
 * judge a conflict of interest), call and due date, linking to its scoring page.
 */
export function ReviewerHomePage() {
  const { t } = useTranslation();
  const assignments = useMyAssignments();
  const title = t('roleHome.reviewer.title');

  const columns: DataTableColumn<AssignmentView>[] = [
    {
      id: 'reference',
      header: t('reviewer.home.reference'),
      rowHeader: true,
      cell: (assignment) => (
        <Link to={`/beoordeling/${assignment.id}`} data-testid={`assignment-link-${assignment.id}`}>
          {assignment.reference ?? t('reviewer.home.noReference')}
          <span className="visually-hidden">
            {' '}
            ({assignment.status === 'assigned' ? t('reviewer.home.toScore') : t('reviewer.home.toView')})
          </span>
        </Link>
      ),
    },
    {
      id: 'title',
      header: t('reviewer.home.dossierTitle'),
      cell: (assignment) => <span data-testid="assignment-title">{assignment.dossierTitle}</span>,
    },
    {
      id: 'applicant',
      header: t('reviewer.home.applicant'),
      cell: (assignment) => <ApplicantIdentity applicant={assignment.applicant} />,
    },
    {
      id: 'call',
      header: t('reviewer.home.call'),
      cell: (assignment) => (
        <>
          {assignment.callTitle}
          {assignment.dueAt ? (
            <>
              <br />
              <span className="muted" data-testid="assignment-due">
                {t('reviewer.home.dueAt')} <DateTime value={assignment.dueAt} />
              </span>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: 'status',
      header: t('reviewer.home.status'),
      cell: (assignment) => <AssignmentStatusBadge status={assignment.status} />,
    },
    {
      id: 'details',
      header: t('reviewer.home.details'),
      cell: (assignment) =>
        assignment.status === 'submitted' && assignment.submittedAt ? (
          <>
            {t('reviewer.home.submittedOn')} <DateTime value={assignment.submittedAt} />
          </>
        ) : assignment.status === 'conflict' ? (
          <span className="pre-line">{assignment.conflictReason ?? ''}</span>
        ) : (
          <span className="muted">{t('reviewer.home.notSubmittedYet')}</span>
        ),
    },
  ];

  const rows = assignments.data ?? [];

  return (
    <>
      <DocumentTitle page={title} />
      <h1 data-testid="role-home" data-role="reviewer">
        {title}
      </h1>
      <p className="lead">{t('roleHome.reviewer.intro')}</p>

      <section aria-labelledby="assignments-title" data-testid="reviewer-assignments">
        <h2 id="assignments-title">{t('reviewer.home.assignmentsTitle')}</h2>
        {assignments.isPending ? <LoadingIndicator /> : null}
        {assignments.error ? <Alert tone="error">{errorMessage(assignments.error, t)}</Alert> : null}
        {assignments.data && rows.length === 0 ? (
          <EmptyState data-testid="reviewer-empty">{t('reviewer.home.empty')}</EmptyState>
        ) : null}
        {rows.length > 0
          ? GROUPS.map((group) => {
              const inGroup = rows.filter((assignment) => assignment.status === group.status).sort(byReference);
              // "To do" is always shown (empty: everything is done); the other groups only when they have rows.
              if (inGroup.length === 0 && group.empty === null) return null;
              return (
                <AssignmentGroup
                  key={group.status}
                  group={group}
                  rows={inGroup}
                  columns={columns}
                  busy={assignments.isFetching}
                />
              );
            })
          : null}
      </section>
    </>
  );
}

/** One group of "my reviews", paged (a reviewer of a large call has 75 assignments or more). */
function AssignmentGroup({
  group,
  rows,
  columns,
  busy,
}: {
  group: (typeof GROUPS)[number];
  rows: readonly AssignmentView[];
  columns: DataTableColumn<AssignmentView>[];
  busy: boolean;
}) {
  const { t } = useTranslation();
  const paged = usePagedRows(rows);
  const caption = `${t(group.title)} (${rows.length})`;
  return (
    <>
      <DataTable
        stackOnPhone
        caption={caption}
        className="data-table--compact"
        columns={columns}
        rows={paged.rows}
        rowKey={(assignment) => assignment.id}
        rowData={(assignment) => ({
          'data-testid': 'assignment-row',
          'data-assignment-id': assignment.id,
          'data-status': assignment.status,
        })}
        emptyMessage={group.empty ? t(group.empty) : undefined}
        busy={busy}
        data-testid={`assignments-${group.status}`}
      />
      <PageControls paged={paged} list={t(group.title)} data-testid={`assignments-${group.status}-paging`} />
    </>
  );
}
