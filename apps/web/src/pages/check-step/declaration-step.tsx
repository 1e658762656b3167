import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { declarationText, WEB_ROUTES } from '@portal/contracts';
import { isApiError } from '../../api/client';
import { catalogueQueryKeys } from '../../api/catalogue';
import { useSubmitDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { currentLanguage } from '../../i18n';
import { newIdempotencyKey } from '../../lib/idempotency';

interface DeclarationStepProps {
  dossierId: string;
  applicantName: string;
  /** The form to go back to (the Back button of the browser goes there too). */
  formPath: string;
}

/**
 * The last part of the check step: the declaration on honour as a required checkbox, then "Indienen" (with an
 * Idempotency-Key that a retry after an uncertain outcome reuses) and the receipt; or back to the form.
 */
export function DeclarationStep({ dossierId, applicantName, formPath }: DeclarationStepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submitDossier = useSubmitDossier(dossierId);
  const keyRef = useRef<string | null>(null);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [declared, setDeclared] = useState(false);
  const [declarationError, setDeclarationError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [focus, setFocus] = useState<'checkbox' | 'problem' | null>(null);
  useEffect(() => {
    if (focus === 'checkbox') checkboxRef.current?.focus();
    if (focus === 'problem') problemRef.current?.focus();
    setFocus(null);
  }, [focus]);

  const text = declarationText(currentLanguage(), applicantName);

  const submit = async () => {
    setProblem(null);
    if (!declared) {
      setDeclarationError(t('check.declarationRequired'));
      setFocus('checkbox');
      return;
    }
    setDeclarationError(null);
    keyRef.current ??= newIdempotencyKey();
    try {
      await submitDossier.mutateAsync({ idempotencyKey: keyRef.current, declaration: declared });
      keyRef.current = null;
      await queryClient.invalidateQueries({ queryKey: catalogueQueryKeys.subscription(dossierId) });
      await navigate(WEB_ROUTES.dossierReceipt(dossierId));
    } catch (error) {
      const transient = !isApiError(error) || error.isNetworkError || error.status >= 500;
      if (!transient) keyRef.current = null;
      const refused = isApiError(error) ? error.errors.find((item) => item.field === 'declaration') : undefined;
      if (refused) {
        setDeclarationError(refused.message);
        setFocus('checkbox');
      } else {
        setProblem(error);
        setFocus('problem');
      }
    }
  };

  return (
    <section className="check-step__declaration" aria-labelledby="declaration-title">
      <h2 id="declaration-title">{t('check.declarationTitle')}</h2>
      {problem ? (
        <div ref={problemRef} tabIndex={-1} className="focus-target">
          <Alert tone="error" data-testid="check-submit-problem">
            <p>{errorMessage(problem, t)}</p>
            <p>
              <Link to={formPath}>{t('check.backToForm')}</Link>
            </p>
          </Alert>
        </div>
      ) : null}
      <div className={declarationError ? 'form-field form-field--invalid' : 'form-field'}>
        <div className="check-list__item declaration">
          <input
            ref={checkboxRef}
            type="checkbox"
            id="declaration"
            className="form-field__check"
            checked={declared}
            required
            aria-invalid={declarationError ? true : undefined}
            aria-describedby={declarationError ? 'declaration-error' : undefined}
            onChange={(event) => {
              setDeclared(event.target.checked);
              if (event.target.checked) setDeclarationError(null);
            }}
            data-testid="declaration-checkbox"
          />
          <label htmlFor="declaration" data-testid="declaration-text">
            {text}
          </label>
        </div>
        {declarationError ? (
          <p id="declaration-error" className="form-field__error" data-testid="declaration-error">
            {declarationError}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <Button
          variant="primary"
          busy={submitDossier.isPending}
          busyLabel={t('check.submitting')}
          onClick={() => void submit()}
          data-testid="check-submit"
        >
          {t('check.submit')}
        </Button>
        <Link to={formPath} className="btn btn--secondary" data-testid="check-back">
          {t('check.backToForm')}
        </Link>
      </div>
    </section>
  );
}
