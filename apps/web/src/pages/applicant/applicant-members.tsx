import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApplicantMemberView, ApplicantView, InvitationView } from '@portal/contracts';
import { useApplicantMembers, useInviteColleague } from '../../api/applicants';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { FormShell, SubmitButton } from '../../components/form-shell';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { EmailField } from '../../components/email-field';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { applyServerFieldErrors } from '../../forms/apply-server-errors';
import { useFormProblem } from '../../forms/use-form-problem';
import { formatDateTime } from '../../lib/format';
import { currentLanguage } from '../../i18n';

export interface ApplicantMembersProps {
  applicant: ApplicantView;
}

/**
 * "Medewerkers" of one organisation: who acts for it, and for its admins a form to invite a colleague by e-mail (the
 * colleague gets a single-use link that expires).
 */
export function ApplicantMembers({ applicant }: ApplicantMembersProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const members = useApplicantMembers(applicant.id);

  const columns: DataTableColumn<ApplicantMemberView>[] = [
    { id: 'name', header: t('members.name'), rowHeader: true, cell: (member) => member.displayName },
    { id: 'email', header: t('members.email'), cell: (member) => member.email },
    {
      id: 'role',
      header: t('members.role'),
      cell: (member) => (
        <StatusBadge
          status={member.role}
          label={t(`applicantHome.memberRole.${member.role}`)}
          tone={member.role === 'admin' ? 'info' : 'neutral'}
        />
      ),
    },
  ];

  return (
    <section className="members" aria-labelledby={headingId} data-testid="applicant-members">
      <h4 id={headingId} className="members__title">
        {t('members.title')}
        {/* Each organisation has such a section: its name makes the landmark's name unique. */}
        <span className="visually-hidden"> ({applicant.legalName})</span>
      </h4>
      {members.isPending ? <LoadingIndicator /> : null}
      {members.error ? <Alert tone="error">{errorMessage(members.error, t)}</Alert> : null}
      {members.data ? (
        <DataTable
          stackOnPhone
          caption={t('members.caption', { name: applicant.legalName })}
          hideCaption
          className="data-table--compact"
          columns={columns}
          rows={members.data}
          rowKey={(member) => member.userId}
          rowData={(member) => ({ 'data-testid': 'member-row', 'data-email': member.email, 'data-role': member.role })}
          busy={members.isFetching}
        />
      ) : null}
      {applicant.myRole === 'admin' ? <InviteForm applicant={applicant} /> : null}
    </section>
  );
}

interface InviteValues {
  email: string;
}

function InviteForm({ applicant }: ApplicantMembersProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useForm<InviteValues>({ mode: 'onSubmit', reValidateMode: 'onChange', defaultValues: { email: '' } });
  const invite = useInviteColleague(applicant.id);
  const [sent, setSent] = useState<InvitationView | null>(null);
  const formError = useFormProblem();

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    setSent(null);
    try {
      const invitation = await invite.mutateAsync(values.email.trim());
      setSent(invitation);
      form.reset({ email: '' });
    } catch (error) {
      const applied = applyServerFieldErrors(error, form.setError, ['email']);
      // A field error next to the field is enough; anything else (e.g. FORBIDDEN) is shown above the form.
      const besideTheField = applied && isApiError(error) && error.code === 'VALIDATION_FAILED';
      formError.show(besideTheField ? null : errorMessage(error, t));
    }
  });

  return (
    <div className="invite">
      <h5 id={titleId} className="invite__title">
        {t('members.inviteTitle')}
        <span className="visually-hidden"> ({applicant.legalName})</span>
      </h5>
      <p className="form-field__help">{t('members.inviteHelp')}</p>
      {sent ? (
        <Alert tone="success" data-testid="invite-success">
          {t('members.invited', {
            email: sent.email,
            expiresAt: formatDateTime(sent.expiresAt, 'dateTime', currentLanguage()),
          })}
        </Alert>
      ) : null}
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="invite-error">
          {formError.problem}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy={titleId} className="invite__form">
        <EmailField label={t('members.inviteEmail')} autoComplete="off" data-testid="invite-email" />
        <SubmitButton
          variant="secondary"
          busy={form.formState.isSubmitting}
          busyLabel={t('members.inviting')}
          data-testid="invite-submit"
        >
          {t('members.invite')}
        </SubmitButton>
      </FormShell>
    </div>
  );
}
