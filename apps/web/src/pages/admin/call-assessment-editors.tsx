import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TIE_BREAK_STEPS } from '@portal/contracts';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { callElementId, EMPTY_CRITERION, type CallFormValues } from './call-form-model';
import { GroupError, ItemButtons, type GroupProps } from './call-item-controls';

export function CriteriaEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'criteria' });
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-criteria-error' : undefined}>
      <legend className="fieldset__legend">{t('admin.criteria')}</legend>
      <GroupError id="call-criteria-error" message={groupError} />
      {fields.map((field, index) => {
        const label = t('admin.criterionNumber', { number: index + 1 });
        const base = `criteria.${index}` as const;
        return (
          <fieldset key={field.id} className="fieldset fieldset--item">
            <legend className="fieldset__legend">{label}</legend>
            <div className="form-row">
              <FormField
                name={`${base}.code`}
                id={callElementId(`${base}.code`)}
                label={t('admin.code')}
                help={t('admin.codeFromLabelHelp')}
              />
              <FormField name={`${base}.label`} id={callElementId(`${base}.label`)} label={t('admin.label')} required />
            </div>
            <div className="form-row form-row--four">
              <FormField
                name={`${base}.scaleMin`}
                id={callElementId(`${base}.scaleMin`)}
                label={t('admin.scaleMin')}
                inputMode="decimal"
              />
              <FormField
                name={`${base}.scaleMax`}
                id={callElementId(`${base}.scaleMax`)}
                label={t('admin.scaleMax')}
                inputMode="decimal"
              />
              <FormField
                name={`${base}.weight`}
                id={callElementId(`${base}.weight`)}
                label={t('admin.weight')}
                inputMode="decimal"
              />
              <FormField
                name={`${base}.threshold`}
                id={callElementId(`${base}.threshold`)}
                label={t('admin.threshold')}
                inputMode="decimal"
              />
            </div>
            <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        id={callElementId('criteria')}
        onClick={() => append({ ...EMPTY_CRITERION })}
        data-testid="add-call-criterion"
      >
        {t('admin.addCriterion')}
      </Button>
    </fieldset>
  );
}

export function TieBreakEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'tieBreak' });
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-tiebreak-error' : undefined}>
      <legend className="fieldset__legend">{t('admin.tieBreak')}</legend>
      <p className="form-field__help">{t('admin.tieBreakHelp')}</p>
      <GroupError id="call-tiebreak-error" message={groupError} />
      <ol className="tie-break-list">
        {fields.map((field, index) => {
          const label = t('admin.tieBreakStepNumber', { number: index + 1 });
          return (
            <li key={field.id} className="tie-break-step">
              <FormField
                as="select"
                name={`tieBreak.${index}.step`}
                id={callElementId(`tieBreak.${index}.step`)}
                label={label}
                options={TIE_BREAK_STEPS.map((step) => ({ value: step, label: t(`admin.tieBreakSteps.${step}`) }))}
              />
              <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
            </li>
          );
        })}
      </ol>
      {fields.length < TIE_BREAK_STEPS.length ? (
        <Button
          variant="secondary"
          id={callElementId('tieBreak')}
          onClick={() =>
            append({
              step: TIE_BREAK_STEPS.find((step) => !fields.some((field) => field.step === step)) ?? TIE_BREAK_STEPS[0],
            })
          }
        >
          {t('admin.addTieBreak')}
        </Button>
      ) : null}
    </fieldset>
  );
}
