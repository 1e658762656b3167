import { createContext, useContext, type FormEvent, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { FormField, type SelectOption } from './form-field';

/**
 * Where a list's filter texts live: `<texts>.filters` (landmark), `.filter` (button), `.clearFilters` (link), and per
 * field `<texts>.<key>` (label) and `<texts>.<key>Help` (help).
 */
export type FilterTexts = 'notifications' | 'auditLog';

interface FilterContext {
  texts: FilterTexts;
  testIdPrefix: string;
}

const FilterFormContext = createContext<FilterContext>({ texts: 'notifications', testIdPrefix: 'filter' });

export interface FilterFormProps<V extends FieldValues> extends FilterContext {
  form: UseFormReturn<V>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The unfiltered page: "clear filters" is a link to it. */
  resetTo: string;
  /** The fields (`SelectFilter`, `TextFilter`), in `form-row`s. */
  children: ReactNode;
}

/**
 * A list's filters: a search landmark with the fields, a submit button and a link that clears them. Test ids:
 * `<testIdPrefix>-submit`, `-reset` and `-<field key in kebab case>`.
 */
export function FilterForm<V extends FieldValues>({
  form,
  onSubmit,
  texts,
  resetTo,
  testIdPrefix,
  children,
}: FilterFormProps<V>) {
  const { t } = useTranslation();
  return (
    <FormProvider {...form}>
      <form className="filter-form" role="search" aria-label={t(`${texts}.filters`)} noValidate onSubmit={onSubmit}>
        <FilterFormContext value={{ texts, testIdPrefix }}>{children}</FilterFormContext>
        <div className="button-row">
          <Button type="submit" variant="primary" data-testid={`${testIdPrefix}-submit`}>
            {t(`${texts}.filter`)}
          </Button>
          <Link to={resetTo} data-testid={`${testIdPrefix}-reset`}>
            {t(`${texts}.clearFilters`)}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

interface FilterFieldProps {
  name: string;
  /** The field's key in the texts and test id, when it is not the name. */
  textKey?: string;
}

function useFilterField({ name, textKey = name }: FilterFieldProps) {
  const { t } = useTranslation();
  const { texts, testIdPrefix } = useContext(FilterFormContext);
  const text = (key: string) => (t as unknown as (key: string) => string)(`${texts}.${key}`);
  const kebab = textKey.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return { text, label: text(textKey), testId: `${testIdPrefix}-${kebab}` };
}

export interface SelectFilterProps extends FilterFieldProps {
  options: readonly SelectOption[];
  /** Key of the empty choice ("all ..."). */
  allKey: string;
}

/** A filter on one of a fixed set of values; the empty choice filters nothing. */
export function SelectFilter({ options, allKey, ...field }: SelectFilterProps) {
  const { text, label, testId } = useFilterField(field);
  return (
    <FormField
      as="select"
      name={field.name}
      label={label}
      placeholder={text(allKey)}
      options={options}
      data-testid={testId}
    />
  );
}

export interface TextFilterProps extends FilterFieldProps {
  type?: 'text' | 'email' | 'date';
  maxLength?: number;
  /** Key of the help text, when it is not `<key>Help`. */
  helpKey?: string;
  /** Addresses and codes: no automatic capital on phones. */
  noCapitals?: boolean;
}

/** A filter on an exact value (an address, an id, a day): typed as is, no spell check. */
export function TextFilter({ type = 'text', maxLength, helpKey, noCapitals, ...field }: TextFilterProps) {
  const { text, label, testId } = useFilterField(field);
  return (
    <FormField
      name={field.name}
      type={type}
      label={label}
      help={text(helpKey ?? `${field.textKey ?? field.name}Help`)}
      maxLength={maxLength}
      spellCheck={type === 'date' ? undefined : false}
      autoCapitalize={noCapitals ? 'none' : undefined}
      data-testid={testId}
    />
  );
}
