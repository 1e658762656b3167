import type { BaseSyntheticEvent, ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { Button, type ButtonProps } from './button';

export interface FormShellProps<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** What `form.handleSubmit(...)` returned. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** Id of the heading that names the form. */
  labelledBy: string;
  className?: string;
  'data-testid'?: string;
  children: ReactNode;
}

/**
 * A react-hook-form form: the form's context for its fields (`FormField` reads it), no browser validation (the rules
 * speak in the page's language, next to each field), and the submit handler.
 */
export function FormShell<V extends FieldValues>({
  form,
  onSubmit,
  labelledBy,
  className = 'form',
  'data-testid': testId,
  children,
}: FormShellProps<V>) {
  return (
    <FormProvider {...form}>
      <form
        className={className}
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-labelledby={labelledBy}
        data-testid={testId}
      >
        {children}
      </form>
    </FormProvider>
  );
}

/** The button that submits a form (primary unless told otherwise), busy while the submit runs. */
export function SubmitButton({ variant = 'primary', ...props }: Omit<ButtonProps, 'type'>) {
  return <Button type="submit" variant={variant} {...props} />;
}
