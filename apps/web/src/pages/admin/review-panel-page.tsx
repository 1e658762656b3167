import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PanelInvitationView, PanelMemberView, ReviewPanelView } from '@portal/contracts';
import { useCall } from '../../api/calls';
import { errorMessage } from '../../api/error-message';
import { useAddPanelMember, usePanel, useRemovePanelMember } from '../../api/panels';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { PanelExpertForm } from './panel-expert-form';
import { PanelSettingsForm } from './panel-settings-form';

/**
 * `/administratie/oproepen/:id/panel`: the call's review panel (ADR 0013): how many reviewers per dossier and by when,
 * the staff reviewers on it, and external experts invited for this call only.
 */
export function ReviewPanelPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  const panel = usePanel(id);
  const title = t('panel.title', { call: call.data?.title ?? '' });

  return (
    <div>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
        {' · '}
        <Link to={`/administratie/oproepen/${id}/beoordeling`}>{t('panel.toAssessment')}</Link>
      </p>
      <h1 data-testid="panel-title">{title}</h1>
      <p className="lead">{t('panel.intro')}</p>
      {panel.isPending || call.isPending ? <LoadingIndicator /> : null}
      {panel.error ? <Alert tone="error">{errorMessage(panel.error, t)}</Alert> : null}
      {panel.data ? <Panel callId={id} panel={panel.data} /> : null}
    </div>
  );
}

function Panel({ callId, panel }: { callId: string; panel: ReviewPanelView }) {
  const { t } = useTranslation();
  const add = useAddPanelMember(callId);
  const remove = useRemovePanelMember(callId);
  const [candidate, setCandidate] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const act = async (work: () => Promise<unknown>, success: string) => {
    setMessage(null);
    try {
      await work();
      setMessage({ tone: 'success', text: success });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
  };

  const columns: DataTableColumn<PanelMemberView>[] = [
    { id: 'name', header: t('panel.name'), rowHeader: true, cell: (m) => m.displayName },
    { id: 'email', header: t('panel.email'), cell: (m) => m.email },
    {
      id: 'kind',
      header: t('panel.kind'),
      cell: (m) => (
        <>
          <StatusBadge
            status={m.external ? 'external' : 'staff'}
            label={m.external ? t('panel.external') : t('panel.staff')}
            tone={m.external ? 'info' : 'neutral'}
          />
          {m.deactivated ? (
            <>
              {' '}
              <StatusBadge status="deactivated" label={t('panel.deactivated')} tone="warning" />
            </>
          ) : null}
        </>
      ),
    },
    {
      id: 'load',
      header: t('panel.load'),
      cell: (m) => t('panel.loadValue', { open: m.open, submitted: m.submitted }),
    },
    {
      id: 'actions',
      header: t('panel.actions'),
      cell: (m) => (
        <Button
          variant="secondary"
          busy={remove.isPending && remove.variables === m.userId}
          onClick={() => void act(() => remove.mutateAsync(m.userId), t('panel.removed', { name: m.displayName }))}
          data-testid={`panel-remove-${m.userId}`}
        >
          {t('panel.remove')}
          <span className="visually-hidden"> {m.displayName}</span>
        </Button>
      ),
    },
  ];
  const invitationColumns: DataTableColumn<PanelInvitationView>[] = [
    { id: 'email', header: t('panel.email'), rowHeader: true, cell: (i) => i.email },
    { id: 'expires', header: t('panel.expiresAt'), cell: (i) => <DateTime value={i.expiresAt} /> },
  ];

  return (
    <>
      {!panel.configured ? (
        <Alert tone="info" data-testid="panel-not-configured">
          {t('panel.notConfigured')}
        </Alert>
      ) : null}
      <PanelSettingsForm callId={callId} panel={panel} />
      <section aria-labelledby="panel-members-title" className="section">
        <h2 id="panel-members-title">{t('panel.membersTitle')}</h2>
        {message ? (
          <Alert tone={message.tone} data-testid="panel-message">
            {message.text}
          </Alert>
        ) : null}
        <DataTable
          caption={t('panel.membersCaption', { count: panel.members.length })}
          columns={columns}
          rows={panel.members}
          rowKey={(m) => m.userId}
          rowData={(m) => ({ 'data-testid': 'panel-member-row', 'data-email': m.email })}
          emptyMessage={t('panel.noMembers')}
        />
        <div className="filter-bar">
          <label htmlFor="panel-candidate">{t('panel.addLabel')}</label>
          <select
            id="panel-candidate"
            value={candidate}
            onChange={(event) => setCandidate(event.target.value)}
            data-testid="panel-candidate"
          >
            <option value="">{t('panel.choose')}</option>
            {panel.candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.displayName} ({c.email})
              </option>
            ))}
          </select>
          <Button
            disabled={!candidate}
            busy={add.isPending}
            onClick={() =>
              void act(async () => {
                await add.mutateAsync(candidate);
                setCandidate('');
              }, t('panel.added'))
            }
            data-testid="panel-add"
          >
            {t('panel.add')}
          </Button>
        </div>
      </section>
      <PanelExpertForm callId={callId} />
      <DataTable
        caption={t('panel.invitationsCaption')}
        columns={invitationColumns}
        rows={panel.invitations}
        rowKey={(i) => i.id}
        rowData={(i) => ({ 'data-testid': 'panel-invitation-row', 'data-email': i.email })}
        emptyMessage={t('panel.noInvitations')}
      />
    </>
  );
}
