import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ReportKind, ReportView } from '@portal/contracts';
import { afterAwardKeys, saveReportDraft } from '../../api/after-award';
import { api, isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { SaveState } from '../applicant/use-dossier-autosave';
import { toDraftInput, type ReportFormValues } from './report-form-model';

/** Quiet time after the last change before the report is saved (as the dossier's). */
const AUTOSAVE_DELAY_MS = 1500;

/**
 * Autosave of a report draft (ADR 0018): a debounced save after each change, one save at a time on the version last
 * seen, everything that parses is stored; the answer's issues are shown next to the fields.
 */
export function useReportAutosave(
  dossierId: string,
  kind: ReportKind,
  initial: ReportView,
  form: UseFormReturn<ReportFormValues>,
  readOnly: boolean,
  toValues: (report: ReportView) => ReportFormValues,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [report, setReport] = useState<ReportView>(initial);
  const [unparsed, setUnparsed] = useState<string[]>([]);
  const version = useRef(initial.version);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const toValuesRef = useRef(toValues);
  toValuesRef.current = toValues;

  const saveNow = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = chain.current.then(async () => {
      const { input, unparsed: notParsed } = toDraftInput(form.getValues());
      setUnparsed(notParsed);
      setState({ kind: 'saving' });
      try {
        const saved = await saveReportDraft(dossierId, kind, version.current, input);
        version.current = saved.version;
        setReport(saved);
        client.setQueryData(afterAwardKeys.report(dossierId, kind), saved);
        setState(notParsed.length ? { kind: 'blocked' } : { kind: 'saved', at: new Date().toISOString() });
        return notParsed.length === 0;
      } catch (error) {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
          // Someone saved another version meanwhile (a colleague, another tab): that version is loaded into the form.
          const fresh = await api.get<ReportView>(`/dossiers/${encodeURIComponent(dossierId)}/reports/${kind}`);
          version.current = fresh.version;
          setReport(fresh);
          client.setQueryData(afterAwardKeys.report(dossierId, kind), fresh);
          form.reset(toValuesRef.current(fresh));
          setState({ kind: 'conflict' });
        } else setState({ kind: 'error', message: errorMessage(error, t) });
        return false;
      }
    });
    chain.current = run.catch(() => undefined);
    return run;
  }, [client, dossierId, form, kind, t]);

  useEffect(() => {
    if (readOnly) return undefined;
    const subscription = form.watch(() => {
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [form, readOnly, saveNow]);

  return { state, report, unparsed, saveNow, setReport };
}
