import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Locale, UserView } from '@portal/contracts';
import { errorMessage } from '../api/error-message';
import { useCurrentUser, useUpdateProfile } from '../auth/use-auth';
import { Alert } from '../components/alert';
import { DocumentTitle } from '../components/document-title';
import { FormField } from '../components/form-field';
import { FormShell, SubmitButton } from '../components/form-shell';
import { LoadingIndicator } from '../components/loading-indicator';
import { applyServerFieldErrors } from '../forms/apply-server-errors';
import { LANGUAGES } from '../i18n';
import { ChangePasswordSection, LogoutEverywhereSection } from './profile-security';
import { MyDataSection } from './profile-data-section';
import { SecondFactorSection } from './profile-second-factor';

interface ProfileValues {
  displayName: string;
  locale: Locale;
}

/**
 * `/profiel` (logged in): display name and the language of the person's e-mails (`PATCH /auth/me`), password change
 * and "log out everywhere".
 */
export function ProfilePage() {
  const { data: user } = useCurrentUser();
  // The route guard only renders this page for a logged-in user.
  if (!user) return <LoadingIndicator />;
  if (user.secondFactorEnrolmentRequired) return <EnrolmentOnly />;
  return <ProfileForm user={user} />;
}

/** A session limited to setting up the second factor its role requires: only that, until it is done. */
function EnrolmentOnly() {
  const { t } = useTranslation();
  const title = t('profile.title');
  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      <SecondFactorSection enrolmentRequired />
    </div>
  );
}

function ProfileForm({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const form = useForm<ProfileValues>({
    mode: 'onTouched',
    defaultValues: { displayName: user.displayName, locale: user.locale },
  });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const title = t('profile.title');

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await update.mutateAsync({ displayName: values.displayName.trim(), locale: values.locale });
      form.reset({ displayName: saved.displayName, locale: saved.locale });
      setMessage({ tone: 'success', text: t('profile.saved') });
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['displayName', 'locale']);
      setMessage({ tone: 'error', text: errorMessage(error, t) });
    }
    setAttempt((n) => n + 1);
  });

  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1 id="profile-title">{title}</h1>
      <p className="lead">{t('profile.intro')}</p>
      <p>
        {t('profile.email')}: <strong data-testid="profile-email">{user.email}</strong>
      </p>
      {message ? (
        <Alert
          key={attempt}
          tone={message.tone}
          data-testid={message.tone === 'success' ? 'profile-saved' : 'profile-error'}
        >
          {message.text}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="profile-title">
        <FormField
          name="displayName"
          label={t('profile.displayName')}
          help={t('profile.displayNameHelp')}
          required
          maxLength={200}
          rules={{
            validate: (value: string) => value.trim().length >= 2 || 'account.displayNameTooShort',
          }}
          autoComplete="name"
          data-testid="profile-display-name"
        />
        <FormField
          as="select"
          name="locale"
          label={t('profile.locale')}
          help={t('profile.localeHelp')}
          required
          options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
          data-testid="profile-locale"
        />
        <SubmitButton busy={update.isPending} busyLabel={t('profile.submitting')} data-testid="profile-submit">
          {t('profile.submit')}
        </SubmitButton>
      </FormShell>
      <ChangePasswordSection />
      <SecondFactorSection />
      <LogoutEverywhereSection />
      <MyDataSection />
    </div>
  );
}
