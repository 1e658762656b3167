import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldError, type FieldErrors, type Path } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallView } from '@portal/contracts';
import {
  CALLS_QUERY_KEY,
  callQueryKeys,
  fetchCall,
  useCreateCall,
  usePublishCall,
  useUpdateCall,
} from '../../api/calls';
import { isApiError, type ProblemFieldError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import type { ErrorSummaryItem } from '../../components/error-summary';
import { currentLanguage } from '../../i18n';
import {
  callElementId,
  callFormPath,
  callToForm,
  changedCallFields,
  emptyCallForm,
  formToCallInput,
  type CallFormValues,
} from './call-form-model';

const GROUP_PATHS = new Set(['questions', 'attachments', 'criteria', 'tieBreak']);

function flattenErrors(errors: FieldErrors, prefix = ''): { path: string; message: string }[] {
  const result: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as FieldError).message;
    if (typeof message === 'string' && message) result.push({ path, message });
    else if (key !== 'ref') result.push(...flattenErrors(value as FieldErrors, path));
  }
  return result;
}

export interface CallEditorProblem {
  message: string;
  /** Someone else saved the call: the page offers to reload it. */
  conflict?: boolean;
}

/**
 * The call editor's form and its two actions: save (create, or send the changed fields on the version they were
 * made on) and publish (save first); server errors land on their field or, for a list, on the list.
 */
export function useCallEditor(call: CallView | null) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const createCall = useCreateCall();
  const updateCall = useUpdateCall();
  const publishCall = usePublishCall();
  const decimalSeparator = currentLanguage() === 'nl' ? ',' : '.';
  const [initialValues] = useState(() => (call ? callToForm(call, decimalSeparator) : emptyCallForm()));
  const form = useForm<CallFormValues>({ defaultValues: initialValues, shouldFocusError: false });
  const versionRef = useRef(call?.version ?? 0);
  const baselineRef = useRef<CallInput>(formToCallInput(initialValues).input);
  const [current, setCurrent] = useState<CallView | null>(call);
  const [groupErrors, setGroupErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<CallEditorProblem | null>(null);
  const [summaryShown, setSummaryShown] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // A new call moves to its own page once saved: what happened there is said on arrival.
  const arrival = useLocation().state as { created?: boolean; published?: boolean } | null;
  const [notice, setNotice] = useState<string | null>(() =>
    arrival?.published ? t('admin.published') : arrival?.created ? t('admin.saved') : null,
  );
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<'summary' | 'problem' | null>(null);

  useEffect(() => {
    if (!focus) return;
    (focus === 'summary' ? summaryRef : problemRef).current?.focus();
    setFocus(null);
  }, [focus]);

  const tr = i18n.t as unknown as (key: string) => string;
  const summaryItems: ErrorSummaryItem[] = [
    ...flattenErrors(form.formState.errors).map(({ path, message }) => ({
      targetId: callElementId(path),
      message: i18n.exists(message) ? tr(message) : message,
    })),
    ...Object.entries(groupErrors).map(([path, message]) => ({ targetId: callElementId(path), message })),
  ];

  const showSummary = () => {
    setSummaryShown(true);
    setAttempt((n) => n + 1);
    setFocus('summary');
  };

  const applyServerErrors = (errors: readonly ProblemFieldError[]) => {
    const groups: Record<string, string> = {};
    let any = false;
    for (const error of errors) {
      const path = callFormPath(error.field);
      const value: unknown = form.getValues(path as Path<CallFormValues>);
      const isLeaf = value !== undefined && (!Array.isArray(value) || !GROUP_PATHS.has(path));
      if (isLeaf && !(typeof value === 'object' && value !== null && !Array.isArray(value))) {
        form.setError(path as Path<CallFormValues>, { type: `server.${error.code}`, message: error.message });
      } else {
        const groupPath = GROUP_PATHS.has(path.split('.')[0] ?? '') ? (path.split('.')[0] ?? path) : path;
        groups[groupPath] = groups[groupPath] ? `${groups[groupPath]} ${error.message}` : error.message;
      }
      any = true;
    }
    setGroupErrors(groups);
    return any;
  };

  const handleFailure = (error: unknown) => {
    if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
      setProblem({ message: errorMessage(error, t), conflict: true });
      setFocus('problem');
      return;
    }
    if (isApiError(error) && error.errors.length > 0 && applyServerErrors(error.errors)) {
      setProblem({ message: errorMessage(error, t) });
      showSummary();
      return;
    }
    setProblem({ message: errorMessage(error, t) });
    setFocus('problem');
  };

  /** The form continues from this state of the call (the mutations have already stored it in the query cache). */
  const adopt = (view: CallView) => {
    versionRef.current = view.version;
    const values = callToForm(view, decimalSeparator);
    baselineRef.current = formToCallInput(values).input;
    form.reset(values);
    setCurrent(view);
  };

  /** Creates or updates; returns the saved call, or null when it did not work (errors are shown). */
  const save = async (values: CallFormValues): Promise<CallView | null> => {
    const { input, parseErrors } = formToCallInput(values);
    const parseEntries = Object.entries(parseErrors);
    if (parseEntries.length > 0) {
      for (const [path, key] of parseEntries)
        form.setError(path as Path<CallFormValues>, { type: 'parse', message: key });
      showSummary();
      return null;
    }
    try {
      if (!current) return await createCall.mutateAsync(input);
      const patch = changedCallFields(baselineRef.current, input);
      if (Object.keys(patch).length === 0) return current;
      const updated = await updateCall.mutateAsync({ id: current.id, version: versionRef.current, patch });
      adopt(updated);
      return updated;
    } catch (error) {
      handleFailure(error);
      return null;
    }
  };

  const start = (kind: 'save' | 'publish') => {
    setProblem(null);
    setNotice(null);
    setGroupErrors({});
    setBusy(kind);
  };

  const onSave = form.handleSubmit(async (values) => {
    start('save');
    try {
      const saved = await save(values);
      if (!saved) return;
      setSummaryShown(false);
      if (!current) {
        await navigate(`/administratie/oproepen/${saved.id}`, { replace: true, state: { created: true } });
        return;
      }
      setNotice(t('admin.saved'));
    } finally {
      setBusy(null);
    }
  }, showSummary);

  const onPublish = form.handleSubmit(async (values) => {
    start('publish');
    try {
      const saved = await save(values);
      if (!saved) return;
      try {
        const published = await publishCall.mutateAsync(saved.id);
        setSummaryShown(false);
        if (!current) {
          await navigate(`/administratie/oproepen/${published.id}`, { replace: true, state: { published: true } });
          return;
        }
        adopt(published);
        setNotice(t('admin.published'));
      } catch (error) {
        if (!current) {
          // the draft exists now: continue on its own page, where the errors are shown again on the next try
          await navigate(`/administratie/oproepen/${saved.id}`, { replace: true });
          return;
        }
        handleFailure(error);
      }
    } finally {
      setBusy(null);
    }
  }, showSummary);

  const reload = async () => {
    if (!current) return;
    const fresh = await fetchCall(current.id).catch(() => null);
    if (!fresh) return;
    queryClient.setQueryData(callQueryKeys.detail(fresh.id), fresh);
    void queryClient.invalidateQueries({ queryKey: [...CALLS_QUERY_KEY, 'list'] });
    adopt(fresh);
    setProblem(null);
    setNotice(t('admin.reloaded'));
  };

  /** A catalogue import bumps the call's version (the import's hook loads the call again). */
  const onImported = (view: { version: number }) => {
    versionRef.current = view.version;
  };

  return {
    form,
    current,
    version: versionRef.current,
    groupErrors,
    problem,
    notice,
    busy,
    summary: { shown: summaryShown && summaryItems.length > 0, items: summaryItems, attempt },
    summaryRef,
    problemRef,
    onSave,
    onPublish,
    reload,
    onImported,
  };
}
