import { useId, type ReactNode } from 'react';
import { get, useFormContext, type FieldError, type RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
}

export interface CheckboxGroupProps {
  /** Form field holding the array of checked values. */
  name: string;
  legend: ReactNode;
  options: readonly CheckboxOption[];
  help?: ReactNode;
  required?: boolean;
  rules?: RegisterOptions;
  /** Explicit error; by default read from the form context. */
  error?: string;
  disabled?: boolean;
  /** Id of the first checkbox (link target of an error summary). */
  firstId?: string;
  /** Each checkbox gets `data-testid="<prefix>-<value>"`. */
  testIdPrefix?: string;
}

/** Checkboxes in a fieldset with a legend; help and error are linked to the group with aria-describedby. */
export function CheckboxGroup({
  name,
  legend,
  options,
  help,
  required = false,
  rules,
  error,
  disabled,
  firstId,
  testIdPrefix,
}: CheckboxGroupProps) {
  const { t } = useTranslation();
  const { register, formState } = useFormContext();
  const baseId = useId();
  const helpId = `${baseId}-help`;
  const errorId = `${baseId}-error`;
  const contextError = get<unknown, FieldError | undefined>(formState.errors, name)?.message;
  const raw = error ?? contextError;
  const message = raw ? (i18n.exists(raw) ? (i18n.t as (key: string) => string)(raw) : raw) : undefined;
  const describedBy = [help ? helpId : null, message ? errorId : null].filter(Boolean).join(' ') || undefined;
  const registration = register(name, rules);
  return (
    <fieldset
      className={['fieldset', message ? 'fieldset--invalid' : null].filter(Boolean).join(' ')}
      aria-describedby={describedBy}
      disabled={disabled}
    >
      <legend className="fieldset__legend">
        {legend}
        {required ? <span className="form-field__required"> ({t('form.required')})</span> : null}
      </legend>
      {help ? (
        <p id={helpId} className="form-field__help">
          {help}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="form-field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {message}
        </p>
      ) : null}
      <div className="check-list">
        {options.map((option, index) => {
          const id = index === 0 && firstId ? firstId : `${baseId}-${index}`;
          return (
            <div key={option.value} className="check-list__item">
              <input
                {...registration}
                type="checkbox"
                id={id}
                value={option.value}
                className="form-field__check"
                aria-invalid={message ? true : undefined}
                data-testid={testIdPrefix ? `${testIdPrefix}-${option.value}` : undefined}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
