import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import {
  get,
  useFormContext,
  type FieldError,
  type RegisterOptions,
  type UseFormRegisterReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface FormFieldBaseProps {
  /** Field name (dot path for nested values, as in react-hook-form). */
  name: string;
  label: ReactNode;
  /** Help text shown under the label and linked with aria-describedby. */
  help?: ReactNode;
  /**
   * Marks the field as required: visible "(verplicht)" marker and aria-required. When the field registers itself via
   * the form context and `rules.required` is not set, a required rule with message `validation.required` is added.
   */
  required?: boolean;
  /** Result of `register(name, rules)`. When omitted the field registers itself through `useFormContext()`. */
  registration?: UseFormRegisterReturn;
  /** Validation rules used when the field registers itself through the form context. */
  rules?: RegisterOptions;
  /** Explicit error; by default the error for `name` is read from the form context. */
  error?: FieldError | string;
  id?: string;
  className?: string;
}

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'required' | 'className'>;
type NativeTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'required' | 'className'>;
type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'required' | 'className'>;

export type InputFieldProps = FormFieldBaseProps & { as?: 'input' } & NativeInputProps;
export type TextareaFieldProps = FormFieldBaseProps & { as: 'textarea' } & NativeTextareaProps;
export type SelectFieldProps = FormFieldBaseProps & {
  as: 'select';
  options: readonly SelectOption[];
  /** Adds a first, empty option ("Maak een keuze" when `true`). */
  placeholder?: string | boolean;
} & NativeSelectProps;

export type FormFieldProps = InputFieldProps | TextareaFieldProps | SelectFieldProps;

/**
 * Error messages may be i18n keys (e.g. rules `{ required: 'validation.required' }`), translated at render time so
 * they follow language switches; any other text (e.g. a server message) is shown as is.
 */
function translateMessage(message: string): string {
  return i18n.exists(message) ? (i18n.t as (key: string) => string)(message) : message;
}

function errorText(error: FieldError | string | undefined): string | undefined {
  if (error === undefined) return undefined;
  const message = typeof error === 'string' ? error : error.message;
  return message ? translateMessage(message) : undefined;
}

/**
 * Labelled input, textarea or select wired to react-hook-form: help and error texts are linked with
 * aria-describedby, aria-invalid is set when the field has an error.
 */
export function FormField(props: FormFieldProps) {
  const { t } = useTranslation();
  const context = useFormContext() as ReturnType<typeof useFormContext> | null;
  const generatedId = useId();

  const {
    as = 'input',
    name,
    label,
    help,
    required = false,
    registration,
    rules,
    error,
    id: idProp,
    className,
    options,
    placeholder,
    ...native
  } = props as FormFieldBaseProps & {
    as?: 'input' | 'textarea' | 'select';
    options?: readonly SelectOption[];
    placeholder?: string | boolean;
  } & Omit<NativeInputProps, 'placeholder'>;

  const id = idProp ?? `${generatedId}${name}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;

  let field = registration;
  if (!field) {
    if (!context) throw new Error(`FormField "${name}" needs a \`registration\` or a surrounding <FormProvider>.`);
    const effectiveRules: RegisterOptions | undefined =
      required && rules?.required === undefined ? { ...rules, required: 'validation.required' } : rules;
    field = context.register(name, effectiveRules);
  }

  const message = errorText(
    error ?? (context ? get<unknown, FieldError | undefined>(context.formState.errors, name) : undefined),
  );
  const invalid = message !== undefined;

  const describedBy =
    [help ? helpId : null, invalid ? errorId : null, native['aria-describedby'] ?? null].filter(Boolean).join(' ') ||
    undefined;

  const shared = {
    ...field,
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
  };

  const isCheck = as === 'input' && (native.type === 'checkbox' || native.type === 'radio');

  let control: ReactNode;
  if (as === 'textarea') {
    control = <textarea rows={5} {...(native as NativeTextareaProps)} {...shared} className="form-field__control" />;
  } else if (as === 'select') {
    const placeholderLabel = placeholder === true ? t('form.selectPlaceholder') : placeholder;
    control = (
      <select {...(native as NativeSelectProps)} {...shared} className="form-field__control">
        {placeholderLabel ? <option value="">{placeholderLabel}</option> : null}
        {(options ?? []).map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        type="text"
        placeholder={typeof placeholder === 'string' ? placeholder : undefined}
        {...native}
        {...shared}
        className={isCheck ? 'form-field__check' : 'form-field__control'}
      />
    );
  }

  const labelElement = (
    <label htmlFor={id} className="form-field__label">
      {label}
      {required ? <span className="form-field__required"> ({t('form.required')})</span> : null}
    </label>
  );

  return (
    <div
      className={['form-field', isCheck ? 'form-field--check' : null, invalid ? 'form-field--invalid' : null, className]
        .filter(Boolean)
        .join(' ')}
    >
      {isCheck ? control : null}
      {labelElement}
      {help ? (
        <p id={helpId} className="form-field__help">
          {help}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="form-field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {message}
        </p>
      ) : null}
      {isCheck ? null : control}
    </div>
  );
}
