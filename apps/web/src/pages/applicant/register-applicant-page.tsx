import { useId } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  APPLICANT_KINDS,
  POLICY_DOMAINS,
  type ApplicantKind,
  type ErrorCode,
  type RegisterApplicantInput,
} from '@portal/contracts';
import { checkEnterpriseNumber, isNisCode, normalizeIban } from '@portal/domain';
import { useRegisterApplicant } from '../../api/applicants';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { CheckboxGroup } from '../../components/checkbox-group';
import { DocumentTitle } from '../../components/document-title';
import { EmailField } from '../../components/email-field';
import { FormField } from '../../components/form-field';
import { FormShell, SubmitButton } from '../../components/form-shell';
import { applyServerErrors } from '../../forms/apply-server-errors';
import { useFormProblem } from '../../forms/use-form-problem';
import { policyDomainLabel } from '../../lib/localized';

interface RegisterValues {
  kind: ApplicantKind;
  legalName: string;
  enterpriseNumber: string;
  nisCode: string;
  policyDomains: string[];
  address: { street: string; postalCode: string; city: string };
  iban: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

const SERVER_FIELDS: readonly Path<RegisterValues>[] = [
  'kind',
  'legalName',
  'enterpriseNumber',
  'nisCode',
  'policyDomains',
  'address.street',
  'address.postalCode',
  'address.city',
  'iban',
  'contactName',
  'contactEmail',
  'contactPhone',
];

/** Problem codes that belong to one field even when the server sends no `errors[]`. */
const CODE_FIELD: Partial<Record<ErrorCode, Path<RegisterValues>>> = {
  INVALID_ENTERPRISE_NUMBER: 'enterpriseNumber',
  ENTERPRISE_NUMBER_TAKEN: 'enterpriseNumber',
  INVALID_NIS_CODE: 'nisCode',
  NIS_CODE_TAKEN: 'nisCode',
  INVALID_IBAN: 'iban',
};

/** Only same-app call pages are honoured as return target. */
function returnTarget(callId: string | null): string {
  return callId && /^[\w-]{1,64}$/.test(callId) ? `/oproepen/${callId}` : '/aanvrager';
}

/** `/aanvrager/organisatie/nieuw`: register an organisation or local government; the user becomes its admin. */
export function RegisterApplicantPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const registration = useRegisterApplicant();
  const [searchParams] = useSearchParams();
  const kindName = useId();
  const form = useForm<RegisterValues>({
    mode: 'onTouched',
    defaultValues: {
      kind: 'organisation',
      legalName: '',
      enterpriseNumber: '',
      nisCode: '',
      policyDomains: [],
      address: { street: '', postalCode: '', city: '' },
      iban: '',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
    },
  });
  const formError = useFormProblem();
  const kind = form.watch('kind');
  const title = t('register.title');

  const onSubmit = form.handleSubmit(async (values) => {
    formError.clear();
    const input: RegisterApplicantInput = {
      kind: values.kind,
      legalName: values.legalName.trim(),
      policyDomains: values.policyDomains,
      address: {
        street: values.address.street.trim(),
        postalCode: values.address.postalCode.trim(),
        city: values.address.city.trim(),
      },
      iban: normalizeIban(values.iban) ?? values.iban.trim(),
      contactName: values.contactName.trim(),
      contactEmail: values.contactEmail.trim(),
      ...(values.contactPhone.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
      ...(values.kind === 'organisation'
        ? { enterpriseNumber: values.enterpriseNumber.trim() }
        : { nisCode: values.nisCode.trim() }),
    };
    try {
      await registration.mutateAsync(input);
      await navigate(returnTarget(searchParams.get('oproep')), { state: { registered: input.legalName } });
    } catch (error) {
      applyServerErrors(error, form.setError, SERVER_FIELDS, CODE_FIELD);
      formError.show(errorMessage(error, t));
    }
  });

  const isOrganisation = kind === 'organisation';
  return (
    <div className="form-page">
      <DocumentTitle page={title} />
      <h1 id="register-title">{title}</h1>
      <p className="lead">{t('register.intro')}</p>
      {formError.problem ? (
        <Alert key={formError.attempt} tone="error" data-testid="register-error">
          {formError.problem}
        </Alert>
      ) : null}
      <FormShell form={form} onSubmit={onSubmit} labelledBy="register-title">
        <fieldset className="fieldset">
          <legend className="fieldset__legend">
            {t('register.kind')}
            <span className="form-field__required"> ({t('form.required')})</span>
          </legend>
          <div className="check-list">
            {APPLICANT_KINDS.map((value) => (
              <div key={value} className="check-list__item">
                <input
                  type="radio"
                  id={`${kindName}-${value}`}
                  value={value}
                  className="form-field__check"
                  data-testid={`applicant-kind-${value}`}
                  {...form.register('kind')}
                />
                <label htmlFor={`${kindName}-${value}`}>{t(`applicantKind.${value}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <FormField
          name="legalName"
          label={isOrganisation ? t('register.legalName') : t('register.governmentName')}
          help={isOrganisation ? t('register.legalNameHelp') : undefined}
          required
          autoComplete="organization"
          data-testid="applicant-legal-name"
        />
        {isOrganisation ? (
          <FormField
            key="enterpriseNumber"
            name="enterpriseNumber"
            label={t('register.enterpriseNumber')}
            help={t('register.enterpriseNumberHelp')}
            required
            inputMode="numeric"
            spellCheck={false}
            rules={{
              validate: (value: string) => {
                if (form.getValues('kind') !== 'organisation') return true;
                if (!value.trim()) return 'validation.required';
                const check = checkEnterpriseNumber(value);
                if (check.valid) return true;
                return check.reason === 'checksum'
                  ? 'validation.enterpriseNumberChecksum'
                  : 'validation.enterpriseNumberFormat';
              },
              onBlur: (event: { target: { value: string } }) => {
                const check = checkEnterpriseNumber(event.target.value);
                if (check.valid) form.setValue('enterpriseNumber', check.formatted);
              },
            }}
            data-testid="applicant-enterprise-number"
          />
        ) : (
          <FormField
            key="nisCode"
            name="nisCode"
            label={t('register.nisCode')}
            help={t('register.nisCodeHelp')}
            required
            inputMode="numeric"
            maxLength={5}
            rules={{
              validate: (value: string) => {
                if (form.getValues('kind') !== 'local_government') return true;
                if (!value.trim()) return 'validation.required';
                return isNisCode(value.trim()) || 'validation.nisCode';
              },
            }}
            data-testid="applicant-nis-code"
          />
        )}

        <CheckboxGroup
          name="policyDomains"
          legend={t('register.policyDomains')}
          help={t('register.policyDomainsHelp')}
          required
          options={POLICY_DOMAINS.map((domain) => ({ value: domain, label: policyDomainLabel(t, domain) }))}
          rules={{ validate: (value: string[]) => value.length > 0 || 'validation.policyDomains' }}
          testIdPrefix="policy-domain"
        />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('register.address')}</legend>
          <div className="form form--nested">
            <FormField
              name="address.street"
              label={t('register.street')}
              required
              autoComplete="street-address"
              data-testid="applicant-street"
            />
            <FormField
              name="address.postalCode"
              label={t('register.postalCode')}
              required
              inputMode="numeric"
              autoComplete="postal-code"
              className="form-field--short"
              rules={{ pattern: { value: /^\d{4}$/, message: 'validation.postalCode' } }}
              data-testid="applicant-postal-code"
            />
            <FormField
              name="address.city"
              label={t('register.city')}
              required
              autoComplete="address-level2"
              data-testid="applicant-city"
            />
          </div>
        </fieldset>

        <FormField
          name="iban"
          label={t('register.iban')}
          help={t('register.ibanHelp')}
          required
          spellCheck={false}
          autoCapitalize="characters"
          rules={{ validate: (value: string) => normalizeIban(value) !== null || 'validation.iban' }}
          data-testid="applicant-iban"
        />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('register.contact')}</legend>
          <div className="form form--nested">
            <FormField
              name="contactName"
              label={t('register.contactName')}
              required
              autoComplete="name"
              data-testid="applicant-contact-name"
            />
            <EmailField name="contactEmail" label={t('register.contactEmail')} data-testid="applicant-contact-email" />
            <FormField
              name="contactPhone"
              type="tel"
              label={t('register.contactPhone')}
              autoComplete="tel"
              rules={{ pattern: { value: /^[+\d][\d\s./-]{5,}$/, message: 'validation.phone' } }}
              data-testid="applicant-contact-phone"
            />
          </div>
        </fieldset>

        <SubmitButton
          busy={form.formState.isSubmitting}
          busyLabel={t('register.submitting')}
          data-testid="applicant-submit"
        >
          {t('register.submit')}
        </SubmitButton>
      </FormShell>
    </div>
  );
}
