import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { AttachmentView, CallView, DossierView } from '@portal/contracts';
import { dossierRefusedIssues } from '@portal/domain';
import { isApiError, type ProblemFieldError } from '../../api/client';
import { conflictingVersion, dossierQueryKeys, fetchDossier, patchDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import {
  blockedByIssues,
  changedFields,
  contentForRules,
  draftOf,
  formPathOf,
  isEmptyPatch,
  mergeSaved,
  sameContent,
  toDraft,
  toFormValues,
  type DossierFormValues,
  type DraftContent,
} from './dossier-form-model';

/** Quiet time after the last change before the working copy is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'blocked' }
  | { kind: 'rejected'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' }
  | { kind: 'readOnly'; message: string };

/** `saved`: nothing left to save; `blocked`: saved except fields with a problem; `failed`: the save did not happen. */
export type SaveOutcome = 'saved' | 'blocked' | 'failed';

/** The version saved by someone else, or 'unknown' when it could not be loaded. */
export type Conflict = DossierView | 'unknown';

/** Server complaints per form path. */
export type ServerErrors = Record<string, string>;

export function serverErrorMap(errors: readonly ProblemFieldError[]): ServerErrors {
  const map: ServerErrors = {};
  for (const error of errors) {
    const path = formPathOf(error.field);
    map[path] = map[path] ? `${map[path]} ${error.message}` : error.message;
  }
  return map;
}

function withoutPaths(previous: ServerErrors, stale: readonly string[]): ServerErrors {
  if (stale.length === 0) return previous;
  const next = { ...previous };
  stale.forEach((path) => delete next[path]);
  return next;
}

interface AutosaveOptions {
  initial: DossierView;
  call: CallView;
  form: UseFormReturn<DossierFormValues>;
  readOnly: boolean;
  /** Kinds of the attachments the dossier has now (the rules on required attachments read them). */
  attachmentKinds: string[];
  decimalSeparator: ',' | '.';
  /** A save lost the optimistic-lock race: the page shows the comparison. */
  onConflict: () => void;
}

/**
 * Autosave of the dossier form with optimistic locking: a debounced save after each change, saves queued so they
 * never overtake each other, every field that can be stored (a draft may break rules), conflict and read-only outcomes.
 */
export function useDossierAutosave({
  initial,
  call,
  form,
  readOnly,
  attachmentKinds,
  decimalSeparator,
  onConflict,
}: AutosaveOptions) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detailKey = dossierQueryKeys.detail(initial.id);

  const versionRef = useRef(initial.version);
  const savedRef = useRef<DraftContent>(draftOf(initial, call));
  const lastSavedAtRef = useRef<string | null>(null);
  const timerRef = useRef<number | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const conflictRef = useRef<DossierView | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const attachmentKindsRef = useRef<string[]>([]);
  attachmentKindsRef.current = attachmentKinds;
  const onConflictRef = useRef(onConflict);
  onConflictRef.current = onConflict;

  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});

  const handleSaveError = useCallback(
    async (error: unknown): Promise<SaveOutcome> => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        const current = conflictingVersion(error) ?? (await fetchDossier(initial.id).catch(() => null));
        conflictRef.current = current ?? initial;
        setConflict(current ?? 'unknown');
        setSaveState({ kind: 'conflict' });
        onConflictRef.current();
        return 'failed';
      }
      if (isApiError(error) && (error.code === 'DEADLINE_PASSED' || error.code === 'DOSSIER_READ_ONLY')) {
        setSaveState({ kind: 'readOnly', message: errorMessage(error, t) });
        await queryClient.invalidateQueries({ queryKey: detailKey });
        return 'failed';
      }
      if (isApiError(error) && error.errors.length > 0) {
        setServerErrors((previous) => ({ ...previous, ...serverErrorMap(error.errors) }));
        setSaveState({ kind: 'rejected', message: errorMessage(error, t) });
        return 'failed';
      }
      setSaveState({ kind: 'error', message: errorMessage(error, t) });
      return 'failed';
    },
    [detailKey, initial, queryClient, t],
  );

  /**
   * One save: sends what changed since the last save, including values that break a rule (the server stores the
   * draft and lists its issues); only values that do not parse, or that can never be stored, stay in the form.
   */
  const performSave = useCallback(async (): Promise<SaveOutcome> => {
    if (readOnlyRef.current || conflictRef.current) return 'failed';
    const formValues = form.getValues();
    const converted = toDraft(formValues, call, savedRef.current);
    const issues = dossierRefusedIssues(call, contentForRules(formValues, call, converted, attachmentKindsRef.current));
    const blocked = blockedByIssues(issues);
    converted.unparsable.forEach((key) => blocked.keys.add(key));
    const hasBlocked =
      blocked.keys.size > 0 || blocked.answers.size > 0 || Object.keys(converted.parseErrors).length > 0;
    const patch = changedFields(savedRef.current, converted.content, blocked.keys, blocked.answers);
    const after = (at: string | null): SaveState =>
      timerRef.current !== null
        ? { kind: 'pending' }
        : hasBlocked
          ? { kind: 'blocked' }
          : at
            ? { kind: 'saved', at }
            : { kind: 'idle' };
    if (isEmptyPatch(patch)) {
      setSaveState((previous) =>
        previous.kind === 'pending' || previous.kind === 'saving' || previous.kind === 'blocked' || hasBlocked
          ? after(lastSavedAtRef.current)
          : previous,
      );
      return hasBlocked ? 'blocked' : 'saved';
    }
    setSaveState({ kind: 'saving' });
    try {
      const view = await patchDossier(initial.id, versionRef.current, patch);
      versionRef.current = view.version;
      savedRef.current = mergeSaved(savedRef.current, patch);
      lastSavedAtRef.current = view.updatedAt;
      queryClient.setQueryData(detailKey, view);
      void queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() });
      setSaveState(after(view.updatedAt));
      return hasBlocked ? 'blocked' : 'saved';
    } catch (error) {
      return handleSaveError(error);
    }
  }, [call, detailKey, form, handleSaveError, initial.id, queryClient]);

  /** Runs `task` after every save or sync already queued, so requests never overtake each other. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queueRef.current.then(task, task);
    queueRef.current = run.catch(() => undefined);
    return run;
  }, []);

  const cancelTimer = () => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const saveNow = useCallback((): Promise<SaveOutcome> => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    return enqueue(performSave);
  }, [enqueue, performSave]);

  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;

  // Every user change: forget the server's complaint about that field, and (re)start the autosave timer.
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return; // reset() after loading another version
      setServerErrors((previous) =>
        withoutPaths(
          previous,
          Object.keys(previous).filter((path) => path === name || path.startsWith(`${name}.`)),
        ),
      );
      if (readOnlyRef.current || conflictRef.current) return;
      setSaveState((previous) => (previous.kind === 'pending' ? previous : { kind: 'pending' }));
      if (timerRef.current !== null) window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(() => {
        timerRef.current = null;
        void saveNowRef.current();
      }, AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  // Leaving the page: save what is still waiting for the timer; warn when closing the tab with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (timerRef.current !== null) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timerRef.current !== null) void saveNowRef.current();
    };
  }, []);

  // ---- conflict resolution ---------------------------------------------------------------------------------------
  const adoptServerVersion = (current: DossierView) => {
    versionRef.current = current.version;
    savedRef.current = draftOf(current, call);
    conflictRef.current = null;
    setConflict(null);
    queryClient.setQueryData(detailKey, current);
  };

  const conflictingView = async () =>
    conflict && conflict !== 'unknown' ? conflict : await fetchDossier(initial.id).catch(() => null);

  /** Drops this tab's changes for the saved version; false when that version could not be loaded. */
  const loadCurrentVersion = async (): Promise<boolean> => {
    const current = await conflictingView();
    if (!current) return false;
    cancelTimer();
    adoptServerVersion(current);
    form.reset(toFormValues(current, call, decimalSeparator));
    setServerErrors({});
    lastSavedAtRef.current = current.updatedAt;
    setSaveState({ kind: 'idle' });
    return true;
  };

  /** Saves this tab's version over the other one; false when that version could not be loaded. */
  const keepMyVersion = async (onAdopted?: () => void): Promise<boolean> => {
    const current = await conflictingView();
    if (!current) return false;
    adoptServerVersion(current);
    onAdopted?.();
    await saveNow();
    return true;
  };

  // ---- attachments (uploads change the dossier on the server too) -----------------------------------------------
  const syncAfterAttachmentChange = () =>
    enqueue(async () => {
      try {
        const fresh = await fetchDossier(initial.id);
        // Our own upload may have raised the version; adopt it only when nobody else changed the content.
        if (fresh.version !== versionRef.current && sameContent(draftOf(fresh, call), savedRef.current)) {
          versionRef.current = fresh.version;
        }
        queryClient.setQueryData(detailKey, fresh);
      } catch {
        // the next save or page load will tell
      }
    });

  const onUploaded = (attachment: AttachmentView) => {
    queryClient.setQueryData<DossierView>(detailKey, (old) =>
      old ? { ...old, attachments: [...old.attachments.filter((a) => a.id !== attachment.id), attachment] } : old,
    );
    setServerErrors((previous) => {
      const key = `attachments.${attachment.kind}`;
      return key in previous ? withoutPaths(previous, [key]) : previous;
    });
    void syncAfterAttachmentChange();
  };

  const onDeleted = (attachmentId: string) => {
    queryClient.setQueryData<DossierView>(detailKey, (old) =>
      old ? { ...old, attachments: old.attachments.filter((a) => a.id !== attachmentId) } : old,
    );
    void syncAfterAttachmentChange();
  };

  return {
    saveState,
    conflict,
    serverErrors,
    setServerErrors,
    /** The content as last saved: the base the form's changes are measured against. */
    saved: () => savedRef.current,
    hasConflict: () => conflictRef.current !== null,
    /** After a withdrawal or any other change the server made: later saves build on this version. */
    adoptVersion: (version: number) => {
      versionRef.current = version;
    },
    attachmentKinds: () => attachmentKindsRef.current,
    saveNow,
    loadCurrentVersion,
    keepMyVersion,
    onUploaded,
    onDeleted,
  };
}

export type DossierAutosave = ReturnType<typeof useDossierAutosave>;
