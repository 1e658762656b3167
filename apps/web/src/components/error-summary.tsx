import { useId, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorSummaryItem {
  /** Id of the element the link moves focus to (the field's input, or a group's first control). */
  targetId: string | null;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  title?: string;
  /** Optional intro under the title, e.g. the server's `detail`. */
  description?: string;
  ref?: Ref<HTMLDivElement>;
  'data-testid'?: string;
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>, targetId: string): void {
  const target = document.getElementById(targetId);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * List of problems at the top of a form, each linking to its field. Move focus to it (it has tabIndex -1) after a
 * failed submit, so keyboard and screen-reader users land on the list of what to fix.
 */
export function ErrorSummary({ errors, title, description, ref, 'data-testid': testId }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} data-testid={testId}>
      <h2 id={titleId} className="error-summary__title">
        {title ?? t('form.errorSummaryTitle')}
      </h2>
      {description ? <p>{description}</p> : null}
      {errors.length > 0 ? (
        <ul className="error-summary__list">
          {errors.map((error, index) => (
            <li key={`${error.targetId ?? 'form'}-${index}`}>
              {error.targetId ? (
                <a href={`#${error.targetId}`} onClick={(event) => focusTarget(event, error.targetId ?? '')}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
