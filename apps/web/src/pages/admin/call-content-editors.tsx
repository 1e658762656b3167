import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES } from '@portal/contracts';
import { Button } from '../../components/button';
import { FormField } from '../../components/form-field';
import { callElementId, EMPTY_QUESTION, type CallFormValues } from './call-form-model';
import { GroupError, ItemButtons, type GroupProps } from './call-item-controls';

export function AttachmentsEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'attachments' });
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-attachments-error' : undefined}>
      <legend className="fieldset__legend">{t('calls.attachments')}</legend>
      <GroupError id="call-attachments-error" message={groupError} />
      {fields.map((field, index) => {
        const label = t('admin.attachmentNumber', { number: index + 1 });
        return (
          <fieldset key={field.id} className="fieldset fieldset--item">
            <legend className="fieldset__legend">{label}</legend>
            <div className="form-row">
              <FormField
                name={`attachments.${index}.code`}
                id={callElementId(`attachments.${index}.code`)}
                label={t('admin.code')}
                help={t('admin.codeFromLabelHelp')}
                data-testid={`call-attachment-code-${index}`}
              />
              <FormField
                name={`attachments.${index}.label`}
                id={callElementId(`attachments.${index}.label`)}
                label={t('admin.label')}
                required
                data-testid={`call-attachment-label-${index}`}
              />
            </div>
            <FormField
              type="checkbox"
              name={`attachments.${index}.required`}
              id={callElementId(`attachments.${index}.required`)}
              label={t('admin.requiredAttachment')}
            />
            <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        id={callElementId('attachments')}
        onClick={() => append({ code: '', label: '', required: true })}
        data-testid="add-call-attachment"
      >
        {t('admin.addAttachment')}
      </Button>
    </fieldset>
  );
}

export function QuestionsEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control, watch } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'questions' });
  const questions = watch('questions');
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-questions-error' : undefined}>
      <legend className="fieldset__legend">{t('calls.questions')}</legend>
      <GroupError id="call-questions-error" message={groupError} />
      {fields.map((field, index) => {
        const label = t('admin.questionNumber', { number: index + 1 });
        const type = questions[index]?.type ?? 'text';
        const base = `questions.${index}` as const;
        return (
          <fieldset key={field.id} className="fieldset fieldset--item">
            <legend className="fieldset__legend">{label}</legend>
            <div className="form-row">
              <FormField
                name={`${base}.code`}
                id={callElementId(`${base}.code`)}
                label={t('admin.code')}
                help={t('admin.codeFromLabelHelp')}
                data-testid={`call-question-code-${index}`}
              />
              <FormField
                as="select"
                name={`${base}.type`}
                id={callElementId(`${base}.type`)}
                label={t('admin.questionType')}
                options={QUESTION_TYPES.map((value) => ({ value, label: t(`admin.questionTypes.${value}`) }))}
                data-testid={`call-question-type-${index}`}
              />
            </div>
            <FormField
              name={`${base}.label`}
              id={callElementId(`${base}.label`)}
              label={t('admin.questionLabel')}
              required
              data-testid={`call-question-label-${index}`}
            />
            <FormField name={`${base}.help`} id={callElementId(`${base}.help`)} label={t('admin.questionHelp')} />
            {type === 'text' || type === 'longText' ? (
              <div className="form-row">
                <FormField
                  name={`${base}.minLength`}
                  id={callElementId(`${base}.minLength`)}
                  label={t('admin.minLength')}
                  inputMode="numeric"
                />
                <FormField
                  name={`${base}.maxLength`}
                  id={callElementId(`${base}.maxLength`)}
                  label={t('admin.maxLength')}
                  inputMode="numeric"
                />
              </div>
            ) : null}
            {type === 'number' ? (
              <div className="form-row">
                <FormField
                  name={`${base}.min`}
                  id={callElementId(`${base}.min`)}
                  label={t('admin.min')}
                  inputMode="decimal"
                />
                <FormField
                  name={`${base}.max`}
                  id={callElementId(`${base}.max`)}
                  label={t('admin.max')}
                  inputMode="decimal"
                />
              </div>
            ) : null}
            {type === 'choice' ? (
              <FormField
                name={`${base}.options`}
                id={callElementId(`${base}.options`)}
                label={t('admin.options')}
                help={t('admin.optionsHelp')}
                required
                data-testid={`call-question-options-${index}`}
              />
            ) : null}
            <FormField
              type="checkbox"
              name={`${base}.required`}
              id={callElementId(`${base}.required`)}
              label={t('admin.requiredQuestion')}
            />
            <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        id={callElementId('questions')}
        onClick={() => append({ ...EMPTY_QUESTION })}
        data-testid="add-call-question"
      >
        {t('admin.addQuestion')}
      </Button>
    </fieldset>
  );
}
