import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { DateTime } from '../../components/date-time';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import { BudgetLines } from './budget-lines';
import { elementIdOf, type DossierFormValues } from './dossier-form-model';
import { QuestionField } from './question-field';

interface DossierFieldsProps {
  call: CallView;
  values: DossierFormValues;
  errorFor: (path: string) => string | undefined;
  totalCents: number;
  /** The maximum requestable amount (the domain's `maxRequestableCents`), shown as help. */
  requestLimit: number;
  readOnly: boolean;
}

/** The dossier's own fields: project, the call's questions, period, budget and financing. */
export function DossierFields({ call, values, errorFor, totalCents, requestLimit, readOnly }: DossierFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset" disabled={readOnly}>
      <div className="form">
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('dossier.projectTitle')}</legend>
          <div className="form form--nested">
            <FormField
              name="title"
              id={elementIdOf('title')}
              label={t('dossier.titleLabel')}
              required
              maxLength={300}
              error={errorFor('title')}
              data-testid="dossier-title"
            />
            <FormField
              as="textarea"
              name="summary"
              id={elementIdOf('summary')}
              label={t('dossier.summaryLabel')}
              help={t('dossier.summaryHelp')}
              required
              maxLength={5000}
              error={errorFor('summary')}
              data-testid="dossier-summary"
            />
          </div>
        </fieldset>

        {call.questions.length > 0 ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('dossier.questionsTitle')}</legend>
            <div className="form form--nested">
              {call.questions.map((question) => (
                <QuestionField
                  key={question.code}
                  question={question}
                  value={values.answers?.[question.code] ?? ''}
                  error={errorFor(`answers.${question.code}`)}
                />
              ))}
            </div>
          </fieldset>
        ) : null}

        <fieldset className="fieldset">
          <legend className="fieldset__legend">
            {t('dossier.periodTitle')}
            <span className="form-field__required"> ({t('form.required')})</span>
          </legend>
          <p className="form-field__help">
            {t('dossier.periodHelp')} <DateTime value={call.projectStart} format="longDate" /> –{' '}
            <DateTime value={call.projectEnd} format="longDate" />.
          </p>
          <div className="form-row">
            <FormField
              type="date"
              name="projectStart"
              id={elementIdOf('projectStart')}
              label={t('dossier.projectStart')}
              min={call.projectStart}
              max={call.projectEnd}
              error={errorFor('projectStart')}
              data-testid="project-start"
            />
            <FormField
              type="date"
              name="projectEnd"
              id={elementIdOf('projectEnd')}
              label={t('dossier.projectEnd')}
              min={values.projectStart || call.projectStart}
              max={call.projectEnd}
              error={errorFor('projectEnd')}
              data-testid="project-end"
            />
          </div>
        </fieldset>

        <BudgetLines errorFor={errorFor} totalCents={totalCents} readOnly={readOnly} />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('dossier.financingTitle')}</legend>
          <div className="form form--nested">
            <FormField
              name="otherIncome"
              id={elementIdOf('otherIncome')}
              label={t('dossier.otherIncome')}
              help={t('dossier.otherIncomeHelp')}
              inputMode="decimal"
              autoComplete="off"
              error={errorFor('otherIncome')}
              className="form-field--amount"
              data-testid="other-income"
            />
            <FormField
              name="ownContribution"
              id={elementIdOf('ownContribution')}
              label={t('dossier.ownContribution')}
              help={t('dossier.ownContributionHelp')}
              inputMode="decimal"
              autoComplete="off"
              error={errorFor('ownContribution')}
              className="form-field--amount"
              data-testid="own-contribution"
            />
            <FormField
              name="requested"
              id={elementIdOf('requested')}
              label={t('dossier.requested')}
              help={
                <>
                  {t('dossier.requestedHelpCap')} <Money cents={call.maxRequestedCents} />.{' '}
                  {t('dossier.requestedHelpLimit')} <Money cents={requestLimit} />.
                </>
              }
              required
              inputMode="decimal"
              autoComplete="off"
              error={errorFor('requested')}
              className="form-field--amount"
              data-testid="requested-amount"
            />
          </div>
        </fieldset>
      </div>
    </fieldset>
  );
}
