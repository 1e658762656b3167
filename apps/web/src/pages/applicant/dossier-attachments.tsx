import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView, CallAttachmentRequirement } from '@portal/contracts';
import { deleteAttachment, uploadAttachment } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { formatLocale } from '../../i18n';
import { formatFileSize } from '../../lib/file-size';
import { elementIdOf } from './dossier-form-model';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.odt', '.jpg', '.jpeg', '.png'];
export const ACCEPT = [
  ...ACCEPTED_EXTENSIONS,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/jpeg',
  'image/png',
].join(',');

/** Why the browser already refuses a chosen file (the server checks again, by content): its type or its size. */
export function fileProblem(file: File): 'dossier.attachmentTypeRefused' | 'dossier.attachmentTooLarge' | null {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')).toLowerCase() : '';
  if (!ACCEPTED_EXTENSIONS.includes(extension)) return 'dossier.attachmentTypeRefused';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'dossier.attachmentTooLarge';
  return null;
}

export interface DossierAttachmentsProps {
  dossierId: string;
  requirements: readonly CallAttachmentRequirement[];
  attachments: readonly AttachmentView[];
  readOnly: boolean;
  /** Problems per requirement code from a submit attempt. */
  errorFor: (path: string) => string | undefined;
  onUploaded: (attachment: AttachmentView) => void;
  onDeleted: (attachmentId: string) => void;
}

/** One block per attachment the call asks for: the files already uploaded and a file input. */
export function DossierAttachments(props: DossierAttachmentsProps) {
  const { t } = useTranslation();
  return (
    <section className="attachments" aria-labelledby="dossier-attachments-title">
      <h2 id="dossier-attachments-title">{t('dossier.attachmentsTitle')}</h2>
      <p className="form-field__help">{t('dossier.attachmentsHelp')}</p>
      {props.requirements.length === 0 ? <p className="muted">{t('dossier.noAttachmentsAsked')}</p> : null}
      {props.requirements.map((requirement) => (
        <AttachmentRequirement
          key={requirement.code}
          {...props}
          requirement={requirement}
          files={props.attachments.filter((attachment) => attachment.kind === requirement.code)}
        />
      ))}
    </section>
  );
}

interface AttachmentRequirementProps extends DossierAttachmentsProps {
  requirement: CallAttachmentRequirement;
  files: readonly AttachmentView[];
}

interface UploadState {
  fileName: string;
  loaded: number;
  total: number;
}

function AttachmentRequirement({
  dossierId,
  requirement,
  files,
  readOnly,
  errorFor,
  onUploaded,
  onDeleted,
}: AttachmentRequirementProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputId = elementIdOf(`attachments.${requirement.code}`);
  const errorId = `${baseId}-error`;
  const helpId = `${baseId}-help`;
  const progressId = `${baseId}-progress`;
  const error = localError ?? errorFor(`attachments.${requirement.code}`);

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setLocalError(null);
    setAnnouncement('');
    const refused = fileProblem(file);
    if (refused) {
      setLocalError(t(refused));
      event.target.value = '';
      return;
    }
    setUpload({ fileName: file.name, loaded: 0, total: file.size });
    try {
      const attachment = await uploadAttachment(dossierId, requirement.code, file, {
        onProgress: ({ loaded, total }) => setUpload({ fileName: file.name, loaded, total }),
      });
      onUploaded(attachment);
      setAnnouncement(t('dossier.attachmentUploaded', { name: attachment.filename }));
    } catch (uploadError) {
      setLocalError(errorMessage(uploadError, t));
    } finally {
      setUpload(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const onDelete = async (attachment: AttachmentView) => {
    setLocalError(null);
    setDeleting(attachment.id);
    try {
      await deleteAttachment(dossierId, attachment.id);
      onDeleted(attachment.id);
      setAnnouncement(t('dossier.attachmentDeleted', { name: attachment.filename }));
      inputRef.current?.focus();
    } catch (deleteError) {
      setLocalError(errorMessage(deleteError, t));
    } finally {
      setDeleting(null);
    }
  };

  const percent = upload && upload.total > 0 ? Math.round((upload.loaded / upload.total) * 100) : 0;
  return (
    <fieldset
      className={['fieldset', 'attachment', error ? 'fieldset--invalid' : null].filter(Boolean).join(' ')}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="fieldset__legend">
        {requirement.label}
        {requirement.required ? <span className="form-field__required"> ({t('form.required')})</span> : null}
      </legend>
      {error ? (
        <p id={errorId} className="form-field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="attachment-list">
          {files.map((file) => (
            <li key={file.id} className="attachment-item" data-testid={`attachment-item-${requirement.code}`}>
              <a
                className="attachment-item__name"
                href={`/api/v1/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(file.id)}`}
                download
                data-testid={`attachment-download-${file.id}`}
              >
                {file.filename}
              </a>
              <span className="attachment-item__meta">
                {formatFileSize(file.sizeBytes, formatLocale())} · <DateTime value={file.uploadedAt} />
              </span>
              {readOnly ? null : (
                <Button
                  variant="secondary"
                  className="attachment-item__delete"
                  busy={deleting === file.id}
                  onClick={() => void onDelete(file)}
                  data-testid={`attachment-delete-${file.id}`}
                >
                  {t('dossier.deleteAttachment')}
                  <span className="visually-hidden"> {file.filename}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dossier.noFileYet')}</p>
      )}
      {readOnly ? null : (
        <div className="form-field">
          <label htmlFor={inputId} className="form-field__label">
            {files.length > 0 ? t('dossier.addAnotherFile') : t('dossier.chooseFile')}
            <span className="visually-hidden"> {requirement.label}</span>
          </label>
          <p id={helpId} className="form-field__help">
            {t('dossier.fileRules')}
          </p>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept={ACCEPT}
            className="file-input"
            aria-describedby={[helpId, error ? errorId : null].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            disabled={upload !== null}
            onChange={(event) => void onFileChosen(event)}
            data-testid={`attachment-input-${requirement.code}`}
          />
        </div>
      )}
      {upload ? (
        <div className="upload-progress">
          <label htmlFor={progressId}>{t('dossier.uploading', { name: upload.fileName })}</label>
          <progress id={progressId} max={100} value={percent} data-testid="upload-progress">
            {percent}%
          </progress>
          <span aria-hidden="true"> {percent}%</span>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </fieldset>
  );
}
