import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallCatalogueView } from '@portal/contracts';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { isApiError } from '../../api/client';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

/**
 * "Catalogus importeren": the admin loads a catalogue JSON (objectives -> actions -> rows with unit, maximum and
 * amount per unit, as in `plan-samenleven.json`), which makes the call a catalogue call. Refused once dossiers exist.
 */
export function CatalogueImport({
  callId,
  version,
  onImported,
}: {
  callId: string;
  version: number;
  onImported: (view: CallCatalogueView) => void;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string; details?: string[] } | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setResult(null);
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };

  const upload = async () => {
    if (text === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setResult({ tone: 'error', text: t('admin.catalogueNotJson') });
      return;
    }
    // A whole call file (like plan-samenleven.json) carries the catalogue as its objectives.
    const catalogue =
      parsed && typeof parsed === 'object' && 'objectives' in parsed ? { objectives: parsed.objectives } : parsed;
    setBusy(true);
    try {
      const view = await api.put<CallCatalogueView>(
        `/calls/${encodeURIComponent(callId)}/catalogue`,
        { catalogue },
        { headers: { 'If-Match': String(version) } },
      );
      const actions = view.catalogue.objectives.reduce((n, o) => n + o.actions.length, 0);
      const rows = view.catalogue.objectives.reduce((n, o) => n + o.actions.reduce((m, a) => m + a.rows.length, 0), 0);
      setResult({
        tone: 'success',
        text: t('admin.catalogueImported', { objectives: view.catalogue.objectives.length, actions, rows }),
      });
      onImported(view);
    } catch (error) {
      setResult({
        tone: 'error',
        text: errorMessage(error, t),
        details: isApiError(error) ? error.errors.map((e) => `${e.field}: ${e.message}`) : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${fileId}-title`} data-testid="catalogue-import">
      <h2 id={`${fileId}-title`}>{t('admin.catalogueImportTitle')}</h2>
      <p>{t('admin.catalogueImportHelp')}</p>
      {result ? (
        <Alert tone={result.tone} data-testid={`catalogue-import-${result.tone}`}>
          <p>{result.text}</p>
          {result.details?.length ? (
            <ul>
              {result.details.slice(0, 20).map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="filter-bar">
        <label htmlFor={fileId}>{t('admin.catalogueFile')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void choose(event)}
          data-testid="catalogue-file"
        />
        <Button
          variant="secondary"
          busy={busy}
          disabled={text === null}
          onClick={() => void upload()}
          data-testid="catalogue-import-submit"
        >
          {fileName ? t('admin.catalogueImportNamed', { name: fileName }) : t('admin.catalogueImport')}
        </Button>
      </div>
    </section>
  );
}
