import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { SubscriptionView } from '@portal/contracts';
import { catalogueQueryKeys, conflictingSubscription, putSubscription } from '../../api/catalogue';
import { isApiError } from '../../api/client';
import { dossierQueryKeys } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { currentLanguage } from '../../i18n';
import { analyse, renumber, toFormState, type SubscriptionFormState } from './subscription-model';

export const SUBSCRIPTION_AUTOSAVE_MS = 1500;

export type SubscriptionSaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'blocked' }
  | { kind: 'error'; message: string };

/**
 * The subscription form's state and its autosave: a debounced save after each change of everything typed (a draft may
 * break the rules: the server stores it and lists its issues), queued saves, and on a conflict the other version.
 */
export function useSubscriptionAutosave(initial: SubscriptionView) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decimalSeparator = currentLanguage() === 'nl' ? ',' : '.';
  const [view, setView] = useState(initial);
  const [state, setState] = useState<SubscriptionFormState>(() => toFormState(initial, decimalSeparator));
  const [saveState, setSaveState] = useState<SubscriptionSaveState>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const versionRef = useRef(initial.version);
  const timerRef = useRef<number | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const catalogue = view.catalogue;
  const analysis = useMemo(() => analyse(catalogue, state, view), [catalogue, state, view]);
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const editable = view.editable;

  const adopt = useCallback(
    (fresh: SubscriptionView) => {
      versionRef.current = fresh.version;
      setView(fresh);
      queryClient.setQueryData(catalogueQueryKeys.subscription(fresh.dossierId), fresh);
    },
    [queryClient],
  );

  const performSave = useCallback(async (): Promise<boolean> => {
    const current = analysisRef.current;
    if (current.blocking.length > 0) {
      setSaveState({ kind: 'blocked' });
      return false;
    }
    setSaveState({ kind: 'saving' });
    try {
      const saved = await putSubscription(initial.dossierId, versionRef.current, current.draft);
      adopt(saved);
      // Values that do not parse stayed in the form (marked "not saved" next to them); everything else is stored.
      const unsaved = Object.keys(analysisRef.current.typingErrors).length > 0;
      setSaveState(unsaved ? { kind: 'blocked' } : { kind: 'saved', at: saved.updatedAt });
      void queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() });
      return !unsaved;
    } catch (error) {
      const theirs = conflictingSubscription(error);
      if (theirs) {
        adopt(theirs);
        setState(toFormState(theirs, decimalSeparator));
        setNotice(t('catalogue.autosave.conflict'));
        setSaveState({ kind: 'idle' });
        return false;
      }
      if (isApiError(error) && error.code === 'DEADLINE_PASSED') setView((v) => ({ ...v, editable: false }));
      setSaveState({ kind: 'error', message: errorMessage(error, t) });
      return false;
    }
  }, [adopt, decimalSeparator, initial.dossierId, queryClient, t]);

  const saveNow = useCallback((): Promise<boolean> => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    const run = queueRef.current.then(performSave, performSave);
    queueRef.current = run.catch(() => undefined);
    return run;
  }, [performSave]);

  /** A user's change: priorities follow the chosen actions, and the autosave timer (re)starts. */
  const change = (update: (previous: SubscriptionFormState) => SubscriptionFormState) => {
    if (!editable) return;
    setNotice(null);
    setState((previous) => {
      const next = update(previous);
      const chosenBefore = analyse(catalogue, previous).chosen;
      const chosenNow = analyse(catalogue, next).chosen;
      return { ...next, priorities: renumber(next.priorities, chosenBefore, chosenNow) };
    });
    setSaveState({ kind: 'pending' });
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => {
      timerRef.current = null;
      void saveNow();
    }, SUBSCRIPTION_AUTOSAVE_MS);
  };

  // Leaving the page saves what still waits for the timer.
  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;
  useEffect(
    () => () => {
      if (timerRef.current !== null) void saveNowRef.current();
    },
    [],
  );

  return { view, state, analysis, editable, saveState, notice, saveNow, change };
}
