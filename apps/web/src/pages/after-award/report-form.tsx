import { FormProvider, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COST_CATEGORIES, type ReportView } from '@portal/contracts';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import type { ReportFormValues } from './report-form-model';

interface ReportFormProps {
  form: UseFormReturn<ReportFormValues>;
  report: ReportView;
  /** Issues and "not saved" notes per form path. */
  problems: Record<string, string>;
}

/** The report's fields: what was realised, the indicators (planned next to realised) and the cost statement. */
export function ReportForm({ form, report, problems }: ReportFormProps) {
  const { t } = useTranslation();
  const lines = useFieldArray({ control: form.control, name: 'costLines' });
  const categories = COST_CATEGORIES.map((value) => ({ value, label: t(`afterAward.category.${value}`) }));

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="report-form-title">
        <h2 id="report-form-title" className="visually-hidden">
          {t('afterAward.report.formTitle')}
        </h2>
        <FormField
          as="textarea"
          name="narrative"
          rows={6}
          label={t('afterAward.report.narrative')}
          help={t('afterAward.report.narrativeHelp')}
          error={problems.narrative}
          data-testid="report-narrative"
        />
        <fieldset className="fieldset">
          <legend>{t('afterAward.report.indicators')}</legend>
          {report.indicators.length === 0 ? <p>{t('afterAward.report.noIndicators')}</p> : null}
          {report.indicators.map((indicator, index) => (
            <FormField
              key={indicator.code}
              name={`indicators.${index}.realised`}
              inputMode="numeric"
              label={t('afterAward.report.realised', { label: indicator.label })}
              help={
                indicator.planned === null
                  ? t('afterAward.report.noPlanned')
                  : t('afterAward.report.planned', { planned: indicator.planned })
              }
              error={problems[`indicators.${index}.realised`]}
              data-testid={`report-indicator-${indicator.code}`}
            />
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('afterAward.report.costs')}</legend>
          <p>
            {t('afterAward.report.plannedCosts')} <Money cents={report.plannedCostsCents} />
          </p>
          {problems.costLines ? <p className="form-field__error">{problems.costLines}</p> : null}
          {lines.fields.map((line, index) => (
            <div key={line.id} className="cost-line" data-testid="report-cost-line">
              <FormField
                name={`costLines.${index}.description`}
                label={t('afterAward.report.lineDescription', { number: index + 1 })}
                error={problems[`costLines.${index}.description`]}
                data-testid={`report-line-description-${index}`}
              />
              <FormField
                as="select"
                name={`costLines.${index}.category`}
                label={t('afterAward.report.lineCategory', { number: index + 1 })}
                options={categories}
                data-testid={`report-line-category-${index}`}
              />
              <FormField
                name={`costLines.${index}.amount`}
                inputMode="decimal"
                label={t('afterAward.report.lineAmount', { number: index + 1 })}
                error={problems[`costLines.${index}.amount`]}
                data-testid={`report-line-amount-${index}`}
              />
              <Button
                variant="secondary"
                onClick={() => lines.remove(index)}
                data-testid={`report-line-remove-${index}`}
              >
                {t('afterAward.report.removeLine', { number: index + 1 })}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => lines.append({ description: '', category: 'activities', amount: '' })}
            data-testid="report-line-add"
          >
            {t('afterAward.report.addLine')}
          </Button>
          <p>
            {t('afterAward.report.reportedCosts')} <Money cents={report.reportedCostsCents} />
          </p>
        </fieldset>
      </form>
    </FormProvider>
  );
}
