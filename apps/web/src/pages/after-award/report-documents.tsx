import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportDocumentView } from '@portal/contracts';
import { errorMessage } from '../../api/error-message';
import {
  removeReportDocument,
  reportDocumentKeys,
  reportDocumentUrl,
  uploadReportDocument,
  useReportDocuments,
} from '../../api/report-documents';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { formatLocale } from '../../i18n';
import { formatFileSize } from '../../lib/file-size';
import { ACCEPT, fileProblem } from '../applicant/dossier-attachments';

export interface ReportDocumentsProps {
  reportId: string;
  /** The organisation may still add and remove (draft or changes requested). */
  editable: boolean;
}

/**
 * The supporting documents of a report's cost statement (invoices, pay slips): a download link each, and while the
 * report is editable a file input and a remove button (the same file rules as a dossier's attachments).
 */
export function ReportDocuments({ reportId, editable }: ReportDocumentsProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const documents = useReportDocuments(reportId);
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: reportDocumentKeys.of(reportId) });

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setProblem(null);
    setAnnouncement('');
    const refused = fileProblem(file);
    if (refused) {
      setProblem(t(refused));
      event.target.value = '';
      return;
    }
    setBusy('upload');
    try {
      const added = await uploadReportDocument(reportId, file);
      await refresh();
      setAnnouncement(t('dossier.attachmentUploaded', { name: added.fileName }));
    } catch (error) {
      setProblem(errorMessage(error, t));
    } finally {
      setBusy(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const onRemove = async (document: ReportDocumentView) => {
    setProblem(null);
    setBusy(document.id);
    try {
      await removeReportDocument(reportId, document.id);
      await refresh();
      setAnnouncement(t('dossier.attachmentDeleted', { name: document.fileName }));
      inputRef.current?.focus();
    } catch (error) {
      setProblem(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const inputId = `${baseId}-file`;
  const helpId = `${baseId}-help`;
  return (
    <section aria-labelledby={`${baseId}-title`} className="section attachments" data-testid="report-documents">
      <h2 id={`${baseId}-title`}>{t('afterAward.documents.title')}</h2>
      <p className="form-field__help">{t('afterAward.documents.help')}</p>
      {documents.error ? <Alert tone="error">{errorMessage(documents.error, t)}</Alert> : null}
      {documents.data && documents.data.length > 0 ? (
        <ul className="attachment-list">
          {documents.data.map((document) => (
            <li key={document.id} className="attachment-item" data-testid="report-document">
              <a
                className="attachment-item__name"
                href={reportDocumentUrl(reportId, document.id)}
                download
                data-testid={`report-document-download-${document.id}`}
              >
                {document.fileName}
              </a>
              <span className="attachment-item__meta">
                {formatFileSize(document.sizeBytes, formatLocale())} · <DateTime value={document.uploadedAt} />
              </span>
              {editable ? (
                <Button
                  variant="secondary"
                  className="attachment-item__delete"
                  busy={busy === document.id}
                  onClick={() => void onRemove(document)}
                  data-testid={`report-document-remove-${document.id}`}
                >
                  {t('dossier.deleteAttachment')}
                  <span className="visually-hidden"> {document.fileName}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : documents.data ? (
        <p className="muted" data-testid="report-documents-none">
          {t('afterAward.documents.none')}
        </p>
      ) : null}
      {problem ? (
        <Alert tone="error" data-testid="report-document-problem">
          {problem}
        </Alert>
      ) : null}
      {editable ? (
        <div className="form-field">
          <label htmlFor={inputId} className="form-field__label">
            {t('afterAward.documents.choose')}
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
            aria-describedby={helpId}
            disabled={busy === 'upload'}
            onChange={(event) => void onFileChosen(event)}
            data-testid="report-document-input"
          />
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
