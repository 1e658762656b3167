import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { APPLICANT_KINDS, POLICY_DOMAINS } from '@portal/contracts';
import { CheckboxGroup } from '../../components/checkbox-group';
import { FormField } from '../../components/form-field';
import { policyDomainLabel } from '../../lib/localized';
import { parseEuroToCents } from '../../lib/money-input';
import { callElementId, type CallFormValues } from './call-form-model';

/** Code, title and description; who may apply; the submission window; the amounts; the project period. */
export function CallGeneralFields() {
  const { t } = useTranslation();
  const projectStart = useFormContext<CallFormValues>().watch('projectStart');
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('admin.general')}</legend>
        <div className="form form--nested">
          <FormField
            name="code"
            id={callElementId('code')}
            label={t('admin.code')}
            help={t('admin.codeHelp')}
            required
            rules={{ pattern: { value: /^[A-Z0-9][A-Z0-9-]{1,39}$/, message: 'validation.callCode' } }}
            autoCapitalize="characters"
            spellCheck={false}
            data-testid="call-code"
          />
          <FormField
            name="title"
            id={callElementId('title')}
            label={t('admin.title')}
            required
            data-testid="call-title"
          />
          <FormField
            as="textarea"
            name="description"
            id={callElementId('description')}
            label={t('admin.description')}
            rows={6}
            data-testid="call-description"
          />
        </div>
      </fieldset>

      <CheckboxGroup
        name="applicantKinds"
        legend={t('calls.applicantKinds')}
        options={APPLICANT_KINDS.map((kind) => ({ value: kind, label: t(`applicantKind.${kind}`) }))}
        required
        rules={{ validate: (value: string[]) => value.length > 0 || 'validation.applicantKinds' }}
        firstId={callElementId('applicantKinds')}
        testIdPrefix="call-kind"
      />
      <CheckboxGroup
        name="policyDomains"
        legend={t('calls.policyDomains')}
        help={t('admin.policyDomainsHelp')}
        options={POLICY_DOMAINS.map((domain) => ({ value: domain, label: policyDomainLabel(t, domain) }))}
        firstId={callElementId('policyDomains')}
        testIdPrefix="call-domain"
      />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('admin.timing')}</legend>
        <p className="form-field__help">{t('admin.timingHelp')}</p>
        <div className="form-row">
          <FormField
            type="datetime-local"
            name="opensAt"
            id={callElementId('opensAt')}
            label={t('admin.opensAt')}
            required
            step={60}
            data-testid="call-opens-at"
          />
          <FormField
            type="datetime-local"
            name="closesAt"
            id={callElementId('closesAt')}
            label={t('admin.closesAt')}
            required
            step={60}
            data-testid="call-closes-at"
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('calls.money')}</legend>
        <div className="form-row">
          <FormField
            name="maxRequested"
            id={callElementId('maxRequested')}
            label={t('admin.maxRequested')}
            help={t('admin.euroHelp')}
            required
            inputMode="decimal"
            rules={{ validate: (value: string) => parseEuroToCents(value) !== null || 'validation.amount' }}
            data-testid="call-max-requested"
          />
          <FormField
            name="budget"
            id={callElementId('budget')}
            label={t('admin.budget')}
            help={t('admin.euroHelp')}
            required
            inputMode="decimal"
            rules={{ validate: (value: string) => parseEuroToCents(value) !== null || 'validation.amount' }}
            data-testid="call-budget"
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('calls.projectPeriod')}</legend>
        <div className="form-row">
          <FormField
            type="date"
            name="projectStart"
            id={callElementId('projectStart')}
            label={t('dossier.projectStart')}
            required
            data-testid="call-project-start"
          />
          <FormField
            type="date"
            name="projectEnd"
            id={callElementId('projectEnd')}
            label={t('dossier.projectEnd')}
            required
            min={projectStart || undefined}
            data-testid="call-project-end"
          />
        </div>
        <FormField
          type="checkbox"
          name="oneDossierPerApplicant"
          id={callElementId('oneDossierPerApplicant')}
          label={t('admin.oneDossierPerApplicant')}
          data-testid="call-one-dossier"
        />
      </fieldset>
    </>
  );
}
