import { FormField } from './form-field';

/** Something with one @ and a dot after it: the API checks the rest (and says so per field). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface EmailFieldProps {
  /** The form field's name; `email` unless said otherwise. */
  name?: string;
  label: string;
  help?: string;
  /** `username` on a login form, `email` (the default) where a new address is typed, `off` for someone else's. */
  autoComplete?: 'username' | 'email' | 'off';
  /** 254 characters (RFC 5321's path limit) unless said otherwise. */
  maxLength?: number;
  'data-testid': string;
}

/** A required e-mail address: typed as is (no spell check, no automatic capital), checked for its shape. */
export function EmailField({
  name = 'email',
  label,
  help,
  autoComplete = 'email',
  maxLength = 254,
  'data-testid': testId,
}: EmailFieldProps) {
  return (
    <FormField
      name={name}
      type="email"
      label={label}
      help={help}
      required
      maxLength={maxLength}
      rules={{ pattern: { value: EMAIL_PATTERN, message: 'validation.email' } }}
      autoComplete={autoComplete}
      inputMode="email"
      spellCheck={false}
      autoCapitalize="none"
      data-testid={testId}
    />
  );
}
