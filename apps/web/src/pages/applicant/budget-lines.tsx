import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import type { DossierFormValues } from './dossier-form-model';
import { elementIdOf } from './dossier-form-model';

export interface BudgetLinesProps {
  /** Form path -> message, for every problem to show next to a field. */
  errorFor: (path: string) => string | undefined;
  totalCents: number;
  readOnly: boolean;
}

/** The cost lines of a dossier (description + amount), with a live total. */
export function BudgetLines({ errorFor, totalCents, readOnly }: BudgetLinesProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<DossierFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'budgetLines' });
  const groupError = errorFor('budgetLines');
  return (
    <fieldset className={['fieldset', groupError ? 'fieldset--invalid' : null].filter(Boolean).join(' ')}>
      <legend className="fieldset__legend">
        {t('dossier.budgetTitle')}
        <span className="form-field__required"> ({t('form.required')})</span>
      </legend>
      <p className="form-field__help" id="dossier-budget-help">
        {t('dossier.budgetHelp')}
      </p>
      {groupError ? (
        <p className="form-field__error" id="dossier-budget-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {groupError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="muted">{t('dossier.noBudgetLines')}</p> : null}
      <ol className="budget-lines">
        {fields.map((field, index) => (
          <li key={field.id} className="budget-line">
            <FormField
              name={`budgetLines.${index}.description`}
              id={elementIdOf(`budgetLines.${index}.description`)}
              label={
                <>
                  {t('dossier.budgetDescription')}
                  <span className="visually-hidden"> {t('dossier.budgetLineNumber', { number: index + 1 })}</span>
                </>
              }
              error={errorFor(`budgetLines.${index}.description`)}
              maxLength={300}
              className="budget-line__description"
              data-testid={`budget-description-${index}`}
            />
            <FormField
              name={`budgetLines.${index}.amount`}
              id={elementIdOf(`budgetLines.${index}.amount`)}
              label={
                <>
                  {t('dossier.budgetAmount')}
                  <span className="visually-hidden"> {t('dossier.budgetLineNumber', { number: index + 1 })}</span>
                </>
              }
              error={errorFor(`budgetLines.${index}.amount`)}
              inputMode="decimal"
              autoComplete="off"
              className="budget-line__amount"
              data-testid={`budget-amount-${index}`}
            />
            {readOnly ? null : (
              <Button
                variant="secondary"
                className="budget-line__remove"
                onClick={() => remove(index)}
                data-testid={`remove-budget-line-${index}`}
              >
                {t('dossier.removeBudgetLine')}
                <span className="visually-hidden"> {t('dossier.budgetLineNumber', { number: index + 1 })}</span>
              </Button>
            )}
          </li>
        ))}
      </ol>
      {readOnly ? null : (
        <Button
          variant="secondary"
          id={elementIdOf('budgetLines')}
          onClick={() =>
            append({ description: '', amount: '' }, { focusName: `budgetLines.${fields.length}.description` })
          }
          data-testid="add-budget-line"
        >
          {t('dossier.addBudgetLine')}
        </Button>
      )}
      <p className="budget-total" data-testid="budget-total">
        {t('dossier.totalCost')}: <Money cents={totalCents} />
      </p>
    </fieldset>
  );
}
