import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallQuestion } from '@portal/contracts';
import { FormField } from '../../components/form-field';
import { elementIdOf } from './dossier-form-model';

interface QuestionFieldProps {
  question: CallQuestion;
  value: string;
  error: string | undefined;
}

export function QuestionField({ question, value, error }: QuestionFieldProps) {
  const { t } = useTranslation();
  const counterId = useId();
  const common = {
    name: `answers.${question.code}`,
    id: elementIdOf(`answers.${question.code}`),
    label: question.label,
    required: question.required,
    error,
    'data-testid': `answer-${question.code}`,
  };
  const lengthHelp =
    question.maxLength !== undefined || question.minLength !== undefined
      ? [
          question.minLength !== undefined ? t('dossier.minLength', { count: question.minLength }) : null,
          question.maxLength !== undefined ? t('dossier.maxLength', { count: question.maxLength }) : null,
        ]
          .filter(Boolean)
          .join(' ')
      : null;
  const help: ReactNode = [question.help, lengthHelp].filter(Boolean).join(' ') || undefined;

  switch (question.type) {
    case 'longText':
      return (
        <div className="question">
          <FormField
            {...common}
            as="textarea"
            help={help}
            maxLength={question.maxLength}
            aria-describedby={question.maxLength !== undefined ? counterId : undefined}
          />
          {question.maxLength !== undefined ? (
            <p id={counterId} className="char-counter" data-testid={`answer-${question.code}-counter`}>
              {t('dossier.charCounter', { count: value.length, max: question.maxLength })}
            </p>
          ) : null}
        </div>
      );
    case 'number': {
      const range =
        question.min !== undefined && question.max !== undefined
          ? t('dossier.numberBetween', { min: question.min, max: question.max })
          : question.min !== undefined
            ? t('dossier.numberMin', { min: question.min })
            : question.max !== undefined
              ? t('dossier.numberMax', { max: question.max })
              : null;
      return (
        <FormField
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          min={question.min}
          max={question.max}
          help={[question.help, range].filter(Boolean).join(' ') || undefined}
          className="form-field--short"
        />
      );
    }
    case 'choice':
      return (
        <FormField
          {...common}
          as="select"
          help={question.help}
          placeholder
          options={(question.options ?? []).map((option) => ({ value: option, label: option }))}
        />
      );
    default:
      return <FormField {...common} help={help} maxLength={question.maxLength} />;
  }
}
