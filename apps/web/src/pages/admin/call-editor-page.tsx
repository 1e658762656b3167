import { useEffect, useRef, useState } from 'react';
import {
  FormProvider,
  useFieldArray,
  useForm,
  useFormContext,
  type FieldError,
  type FieldErrors,
  type Path,
} from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  APPLICANT_KINDS,
  POLICY_DOMAINS,
  QUESTION_TYPES,
  TIE_BREAK_STEPS,
  type CallInput,
  type CallView,
} from '@portal/contracts';
import {
  CALLS_QUERY_KEY,
  callQueryKeys,
  createCall,
  fetchCall,
  fetchCalls,
  publishCall,
  updateCall,
} from '../../api/calls';
import { isApiError, type ProblemFieldError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { CheckboxGroup } from '../../components/checkbox-group';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { CatalogueImport } from './catalogue-import';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { currentLanguage } from '../../i18n';
import { parseEuroToCents } from '../../lib/money-input';
import { policyDomainLabel } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import {
  callElementId,
  callFormPath,
  callToForm,
  changedCallFields,
  EMPTY_CRITERION,
  EMPTY_QUESTION,
  emptyCallForm,
  formToCallInput,
  type CallFormValues,
} from './call-form-model';

/** Admins may open a draft by id; should `GET /calls/:id` hide drafts, the list with drafts still has it. */
async function fetchCallForAdmin(id: string, signal?: AbortSignal): Promise<CallView> {
  try {
    return await fetchCall(id, signal);
  } catch (error) {
    if (!(isApiError(error) && error.status === 404)) throw error;
    const match = (await fetchCalls(true, signal)).find((call) => call.id === id);
    if (!match) throw error;
    return match;
  }
}

/** `/administratie/oproepen/nieuw` and `/administratie/oproepen/:id`. */
export function CallEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const isNew = id === undefined || id === 'nieuw';
  const call = useQuery({
    queryKey: callQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchCallForAdmin(id ?? '', signal),
    enabled: !isNew,
  });
  if (isNew) return <CallEditor key="new" call={null} />;
  if (call.isPending) return <LoadingIndicator />;
  if (call.error || !call.data) {
    if (isApiError(call.error) && call.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(call.error, t)}</Alert>;
  }
  return <CallEditor key={call.data.id} call={call.data} />;
}

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

interface CallEditorProps {
  call: CallView | null;
}

function CallEditor({ call }: CallEditorProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const decimalSeparator = currentLanguage() === 'nl' ? ',' : '.';
  const [initialValues] = useState(() => (call ? callToForm(call, decimalSeparator) : emptyCallForm()));
  const form = useForm<CallFormValues>({ defaultValues: initialValues, shouldFocusError: false });
  const versionRef = useRef(call?.version ?? 0);
  const baselineRef = useRef<CallInput>(formToCallInput(initialValues).input);
  const [current, setCurrent] = useState<CallView | null>(call);
  const [groupErrors, setGroupErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ message: string; conflict?: boolean } | null>(null);
  const [summaryShown, setSummaryShown] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
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
  const rhfErrors = flattenErrors(form.formState.errors);
  const summaryItems: ErrorSummaryItem[] = [
    ...rhfErrors.map(({ path, message }) => ({
      targetId: callElementId(path),
      message: i18n.exists(message) ? tr(message) : message,
    })),
    ...Object.entries(groupErrors).map(([path, message]) => ({ targetId: callElementId(path), message })),
  ];

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
      setSummaryShown(true);
      setAttempt((n) => n + 1);
      setFocus('summary');
      return;
    }
    setProblem({ message: errorMessage(error, t) });
    setFocus('problem');
  };

  const adopt = (view: CallView) => {
    versionRef.current = view.version;
    const values = callToForm(view, decimalSeparator);
    baselineRef.current = formToCallInput(values).input;
    form.reset(values);
    setCurrent(view);
    queryClient.setQueryData(callQueryKeys.detail(view.id), view);
    void queryClient.invalidateQueries({ queryKey: [...CALLS_QUERY_KEY, 'list'] });
  };

  /** Creates or updates; returns the saved call, or null when it did not work (errors are shown). */
  const save = async (values: CallFormValues): Promise<CallView | null> => {
    const { input, parseErrors } = formToCallInput(values);
    const parseEntries = Object.entries(parseErrors);
    if (parseEntries.length > 0) {
      for (const [path, key] of parseEntries)
        form.setError(path as Path<CallFormValues>, { type: 'parse', message: key });
      setSummaryShown(true);
      setAttempt((n) => n + 1);
      setFocus('summary');
      return null;
    }
    try {
      if (!current) {
        const created = await createCall(input);
        queryClient.setQueryData(callQueryKeys.detail(created.id), created);
        await queryClient.invalidateQueries({ queryKey: [...CALLS_QUERY_KEY, 'list'] });
        return created;
      }
      const patch = changedCallFields(baselineRef.current, input);
      if (Object.keys(patch).length === 0) return current;
      const updated = await updateCall(current.id, versionRef.current, patch);
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

  const onInvalid = () => {
    setSummaryShown(true);
    setAttempt((n) => n + 1);
    setFocus('summary');
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
  }, onInvalid);

  const onPublish = form.handleSubmit(async (values) => {
    start('publish');
    try {
      const saved = await save(values);
      if (!saved) return;
      try {
        const published = await publishCall(saved.id);
        setSummaryShown(false);
        if (!current) {
          queryClient.setQueryData(callQueryKeys.detail(published.id), published);
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
  }, onInvalid);

  const reload = async () => {
    if (!current) return;
    const fresh = await fetchCall(current.id).catch(() => null);
    if (!fresh) return;
    adopt(fresh);
    setProblem(null);
    setNotice(t('admin.reloaded'));
  };

  const title = current ? t('admin.editCallTitle', { code: current.code }) : t('admin.newCallTitle');
  const values = form.watch();

  return (
    <div className="call-editor">
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
      </p>
      <h1>{title}</h1>
      {current ? (
        <p className="card__meta">
          <StatusBadge status={current.status} />
          {current.publishedAt ? (
            <span>
              {' '}
              {t('admin.publishedOn')} <DateTime value={current.publishedAt} />
            </span>
          ) : null}{' '}
          <Link to={`/oproepen/${current.id}`}>{t('admin.viewPublic')}</Link>
        </p>
      ) : null}
      {notice ? (
        <Alert tone="success" key={notice}>
          {notice}
        </Alert>
      ) : null}
      {problem ? (
        <div ref={problemRef} tabIndex={-1} className="focus-target">
          <Alert tone="error" data-testid="call-editor-error">
            <p>{problem.message}</p>
            {problem.conflict ? (
              <Button variant="secondary" onClick={() => void reload()} data-testid="reload-call">
                {t('admin.reload')}
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {summaryShown && summaryItems.length > 0 ? (
        <ErrorSummary key={attempt} ref={summaryRef} errors={summaryItems} data-testid="error-summary" />
      ) : null}

      <FormProvider {...form}>
        <form className="form" noValidate onSubmit={(event) => void onSave(event)} aria-label={title}>
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('admin.general')}</legend>
            <div className="form form--nested">
              <FormField
                name="code"
                id={callElementId('code')}
                label={t('admin.code')}
                help={t('admin.codeHelp')}
                required
                rules={{ pattern: { value: /^[A-Z0-9][A-Z0-9-]{1,39}$/, message: 'validation.callCode' } }}
                autoCapitalize="characters"
                spellCheck={false}
                data-testid="call-code"
              />
              <FormField
                name="title"
                id={callElementId('title')}
                label={t('admin.title')}
                required
                data-testid="call-title"
              />
              <FormField
                as="textarea"
                name="description"
                id={callElementId('description')}
                label={t('admin.description')}
                rows={6}
                data-testid="call-description"
              />
            </div>
          </fieldset>

          <CheckboxGroup
            name="applicantKinds"
            legend={t('calls.applicantKinds')}
            options={APPLICANT_KINDS.map((kind) => ({ value: kind, label: t(`applicantKind.${kind}`) }))}
            required
            rules={{ validate: (value: string[]) => value.length > 0 || 'validation.applicantKinds' }}
            firstId={callElementId('applicantKinds')}
            testIdPrefix="call-kind"
          />
          <CheckboxGroup
            name="policyDomains"
            legend={t('calls.policyDomains')}
            help={t('admin.policyDomainsHelp')}
            options={POLICY_DOMAINS.map((domain) => ({ value: domain, label: policyDomainLabel(t, domain) }))}
            firstId={callElementId('policyDomains')}
            testIdPrefix="call-domain"
          />

          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('admin.timing')}</legend>
            <p className="form-field__help">{t('admin.timingHelp')}</p>
            <div className="form-row">
              <FormField
                type="datetime-local"
                name="opensAt"
                id={callElementId('opensAt')}
                label={t('admin.opensAt')}
                required
                step={60}
                data-testid="call-opens-at"
              />
              <FormField
                type="datetime-local"
                name="closesAt"
                id={callElementId('closesAt')}
                label={t('admin.closesAt')}
                required
                step={60}
                data-testid="call-closes-at"
              />
            </div>
          </fieldset>

          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('calls.money')}</legend>
            <div className="form-row">
              <FormField
                name="maxRequested"
                id={callElementId('maxRequested')}
                label={t('admin.maxRequested')}
                help={t('admin.euroHelp')}
                required
                inputMode="decimal"
                rules={{ validate: (value: string) => parseEuroToCents(value) !== null || 'validation.amount' }}
                data-testid="call-max-requested"
              />
              <FormField
                name="budget"
                id={callElementId('budget')}
                label={t('admin.budget')}
                help={t('admin.euroHelp')}
                required
                inputMode="decimal"
                rules={{ validate: (value: string) => parseEuroToCents(value) !== null || 'validation.amount' }}
                data-testid="call-budget"
              />
            </div>
          </fieldset>

          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('calls.projectPeriod')}</legend>
            <div className="form-row">
              <FormField
                type="date"
                name="projectStart"
                id={callElementId('projectStart')}
                label={t('dossier.projectStart')}
                required
                data-testid="call-project-start"
              />
              <FormField
                type="date"
                name="projectEnd"
                id={callElementId('projectEnd')}
                label={t('dossier.projectEnd')}
                required
                min={values.projectStart || undefined}
                data-testid="call-project-end"
              />
            </div>
            <FormField
              type="checkbox"
              name="oneDossierPerApplicant"
              id={callElementId('oneDossierPerApplicant')}
              label={t('admin.oneDossierPerApplicant')}
              data-testid="call-one-dossier"
            />
          </fieldset>

          <AttachmentsEditor groupError={groupErrors.attachments} />
          <QuestionsEditor groupError={groupErrors.questions} />
          <CriteriaEditor groupError={groupErrors.criteria} />
          <TieBreakEditor groupError={groupErrors.tieBreak} />

          <div className="button-row dossier-actions">
            <Button
              type="submit"
              variant="secondary"
              busy={busy === 'save'}
              disabled={busy === 'publish'}
              data-testid="call-save"
            >
              {t('admin.save')}
            </Button>
            {current?.status === 'published' ? null : (
              <Button
                variant="primary"
                busy={busy === 'publish'}
                disabled={busy === 'save'}
                onClick={(event) => void onPublish(event)}
                data-testid="call-publish"
              >
                {t('admin.publish')}
              </Button>
            )}
          </div>
        </form>
      </FormProvider>
      {current ? (
        <CatalogueImport
          callId={current.id}
          version={versionRef.current}
          onImported={(view) => {
            // The import bumps the call's version and may change its kind: take the call as it is now.
            versionRef.current = view.version;
            void queryClient.invalidateQueries({ queryKey: callQueryKeys.detail(view.callId) });
          }}
        />
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

interface GroupProps {
  groupError?: string;
}

function GroupError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="form-field__error" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {message}
    </p>
  );
}

function ItemButtons({
  index,
  count,
  move,
  remove,
  itemLabel,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  itemLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row button-row--small">
      <Button variant="secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>
        {t('admin.moveUp')}
        <span className="visually-hidden"> {itemLabel}</span>
      </Button>
      <Button variant="secondary" disabled={index === count - 1} onClick={() => move(index, index + 1)}>
        {t('admin.moveDown')}
        <span className="visually-hidden"> {itemLabel}</span>
      </Button>
      <Button variant="secondary" onClick={() => remove(index)}>
        {t('admin.remove')}
        <span className="visually-hidden"> {itemLabel}</span>
      </Button>
    </div>
  );
}

function AttachmentsEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'attachments' });
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-attachments-error' : undefined}>
      <legend className="fieldset__legend">{t('calls.attachments')}</legend>
      <GroupError id="call-attachments-error" message={groupError} />
      {fields.map((field, index) => {
        const label = t('admin.attachmentNumber', { number: index + 1 });
        return (
          <fieldset key={field.id} className="fieldset fieldset--item">
            <legend className="fieldset__legend">{label}</legend>
            <div className="form-row">
              <FormField
                name={`attachments.${index}.code`}
                id={callElementId(`attachments.${index}.code`)}
                label={t('admin.code')}
                required
                data-testid={`call-attachment-code-${index}`}
              />
              <FormField
                name={`attachments.${index}.label`}
                id={callElementId(`attachments.${index}.label`)}
                label={t('admin.label')}
                required
                data-testid={`call-attachment-label-${index}`}
              />
            </div>
            <FormField
              type="checkbox"
              name={`attachments.${index}.required`}
              id={callElementId(`attachments.${index}.required`)}
              label={t('admin.requiredAttachment')}
            />
            <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        id={callElementId('attachments')}
        onClick={() => append({ code: '', label: '', required: true })}
        data-testid="add-call-attachment"
      >
        {t('admin.addAttachment')}
      </Button>
    </fieldset>
  );
}

function QuestionsEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control, watch } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'questions' });
  const questions = watch('questions');
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-questions-error' : undefined}>
      <legend className="fieldset__legend">{t('calls.questions')}</legend>
      <GroupError id="call-questions-error" message={groupError} />
      {fields.map((field, index) => {
        const label = t('admin.questionNumber', { number: index + 1 });
        const type = questions[index]?.type ?? 'text';
        const base = `questions.${index}` as const;
        return (
          <fieldset key={field.id} className="fieldset fieldset--item">
            <legend className="fieldset__legend">{label}</legend>
            <div className="form-row">
              <FormField
                name={`${base}.code`}
                id={callElementId(`${base}.code`)}
                label={t('admin.code')}
                required
                data-testid={`call-question-code-${index}`}
              />
              <FormField
                as="select"
                name={`${base}.type`}
                id={callElementId(`${base}.type`)}
                label={t('admin.questionType')}
                options={QUESTION_TYPES.map((value) => ({ value, label: t(`admin.questionTypes.${value}`) }))}
                data-testid={`call-question-type-${index}`}
              />
            </div>
            <FormField
              name={`${base}.label`}
              id={callElementId(`${base}.label`)}
              label={t('admin.questionLabel')}
              required
              data-testid={`call-question-label-${index}`}
            />
            <FormField name={`${base}.help`} id={callElementId(`${base}.help`)} label={t('admin.questionHelp')} />
            {type === 'text' || type === 'longText' ? (
              <div className="form-row">
                <FormField
                  name={`${base}.minLength`}
                  id={callElementId(`${base}.minLength`)}
                  label={t('admin.minLength')}
                  inputMode="numeric"
                />
                <FormField
                  name={`${base}.maxLength`}
                  id={callElementId(`${base}.maxLength`)}
                  label={t('admin.maxLength')}
                  inputMode="numeric"
                />
              </div>
            ) : null}
            {type === 'number' ? (
              <div className="form-row">
                <FormField
                  name={`${base}.min`}
                  id={callElementId(`${base}.min`)}
                  label={t('admin.min')}
                  inputMode="decimal"
                />
                <FormField
                  name={`${base}.max`}
                  id={callElementId(`${base}.max`)}
                  label={t('admin.max')}
                  inputMode="decimal"
                />
              </div>
            ) : null}
            {type === 'choice' ? (
              <FormField
                name={`${base}.options`}
                id={callElementId(`${base}.options`)}
                label={t('admin.options')}
                help={t('admin.optionsHelp')}
                required
                data-testid={`call-question-options-${index}`}
              />
            ) : null}
            <FormField
              type="checkbox"
              name={`${base}.required`}
              id={callElementId(`${base}.required`)}
              label={t('admin.requiredQuestion')}
            />
            <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        id={callElementId('questions')}
        onClick={() => append({ ...EMPTY_QUESTION })}
        data-testid="add-call-question"
      >
        {t('admin.addQuestion')}
      </Button>
    </fieldset>
  );
}

function CriteriaEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'criteria' });
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-criteria-error' : undefined}>
      <legend className="fieldset__legend">{t('admin.criteria')}</legend>
      <GroupError id="call-criteria-error" message={groupError} />
      {fields.map((field, index) => {
        const label = t('admin.criterionNumber', { number: index + 1 });
        const base = `criteria.${index}` as const;
        return (
          <fieldset key={field.id} className="fieldset fieldset--item">
            <legend className="fieldset__legend">{label}</legend>
            <div className="form-row">
              <FormField name={`${base}.code`} id={callElementId(`${base}.code`)} label={t('admin.code')} required />
              <FormField name={`${base}.label`} id={callElementId(`${base}.label`)} label={t('admin.label')} required />
            </div>
            <div className="form-row form-row--four">
              <FormField
                name={`${base}.scaleMin`}
                id={callElementId(`${base}.scaleMin`)}
                label={t('admin.scaleMin')}
                inputMode="decimal"
              />
              <FormField
                name={`${base}.scaleMax`}
                id={callElementId(`${base}.scaleMax`)}
                label={t('admin.scaleMax')}
                inputMode="decimal"
              />
              <FormField
                name={`${base}.weight`}
                id={callElementId(`${base}.weight`)}
                label={t('admin.weight')}
                inputMode="decimal"
              />
              <FormField
                name={`${base}.threshold`}
                id={callElementId(`${base}.threshold`)}
                label={t('admin.threshold')}
                inputMode="decimal"
              />
            </div>
            <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        id={callElementId('criteria')}
        onClick={() => append({ ...EMPTY_CRITERION })}
        data-testid="add-call-criterion"
      >
        {t('admin.addCriterion')}
      </Button>
    </fieldset>
  );
}

function TieBreakEditor({ groupError }: GroupProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'tieBreak' });
  return (
    <fieldset className="fieldset" aria-describedby={groupError ? 'call-tiebreak-error' : undefined}>
      <legend className="fieldset__legend">{t('admin.tieBreak')}</legend>
      <p className="form-field__help">{t('admin.tieBreakHelp')}</p>
      <GroupError id="call-tiebreak-error" message={groupError} />
      <ol className="tie-break-list">
        {fields.map((field, index) => {
          const label = t('admin.tieBreakStepNumber', { number: index + 1 });
          return (
            <li key={field.id} className="tie-break-step">
              <FormField
                as="select"
                name={`tieBreak.${index}.step`}
                id={callElementId(`tieBreak.${index}.step`)}
                label={label}
                options={TIE_BREAK_STEPS.map((step) => ({ value: step, label: t(`admin.tieBreakSteps.${step}`) }))}
              />
              <ItemButtons index={index} count={fields.length} move={move} remove={remove} itemLabel={label} />
            </li>
          );
        })}
      </ol>
      {fields.length < TIE_BREAK_STEPS.length ? (
        <Button
          variant="secondary"
          id={callElementId('tieBreak')}
          onClick={() =>
            append({
              step: TIE_BREAK_STEPS.find((step) => !fields.some((field) => field.step === step)) ?? TIE_BREAK_STEPS[0],
            })
          }
        >
          {t('admin.addTieBreak')}
        </Button>
      ) : null}
    </fieldset>
  );
}
