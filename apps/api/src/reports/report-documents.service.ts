import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportDocumentView } from '@portal/contracts';
import { AppException, AuditRepository, type DossierReportEntity, type ReportDocumentEntity } from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import type { StoredAttachment } from '../dossiers/attachment-download.repository';
import { AttachmentStorage } from '../dossiers/attachment-storage';
import { safeFilename } from '../dossiers/content-type';
import type { StagedUpload } from '../dossiers/upload-staging';
import { ReportDocumentRepository } from './report-document.repository';
import { ReportRepository } from './report.repository';

const EDITABLE = ['draft', 'changes_requested'];

/**
 * The supporting documents of a report's cost statement (ADR 0024): uploaded and removed by the organisation while
 * the report is a draft or changes were requested, under the report's row lock (a submit waits, and the trigger
 * refuses what slips past); read by the organisation and the administration. Stored like a dossier's attachments:
 * sniffed, size-limited, scanned, content-addressed (ADR 0019).
 */
@Injectable()
export class ReportDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly documents: ReportDocumentRepository,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, reportId: string): Promise<ReportDocumentView[]> {
    await this.visible(auth, reportId);
    return (await this.documents.ofReport(reportId)).map(toView);
  }

  async add(auth: AuthContext, reportId: string, file: StagedUpload | undefined): Promise<ReportDocumentView> {
    try {
      return await this.addStaged(auth, reportId, file);
    } finally {
      await this.storage.discard(file);
    }
  }

  async remove(auth: AuthContext, reportId: string, documentId: string): Promise<void> {
    await this.visible(auth, reportId, true);
    await this.dataSource.transaction(async (manager) => {
      await this.lockEditable(reportId, manager);
      const removed = await this.documents.remove(reportId, documentId, manager);
      if (!removed) throw new AppException('NOT_FOUND');
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'report.document_removed',
          entityType: 'dossier_report',
          entityId: reportId,
          before: { documentId, fileName: removed.fileName, sha256: removed.sha256 },
          requestId: auth.requestId,
        },
        manager,
      );
    });
  }

  async download(auth: AuthContext, reportId: string, documentId: string): Promise<StoredAttachment> {
    await this.visible(auth, reportId);
    const file = await this.documents.stored(reportId, documentId);
    if (!file) throw new AppException('NOT_FOUND');
    return file;
  }

  private async addStaged(
    auth: AuthContext,
    reportId: string,
    file: StagedUpload | undefined,
  ): Promise<ReportDocumentView> {
    await this.visible(auth, reportId, true);
    const { upload, contentType } = await this.storage.accept(file);
    await this.storage.scan(upload);
    const saved = await this.dataSource.transaction(async (manager) => {
      await this.lockEditable(reportId, manager);
      // The content and the row that names it commit together (the row's foreign key demands the blob).
      await this.storage.store(manager, upload);
      const document = await this.documents.insert(
        {
          reportId,
          fileName: safeFilename(upload.originalname, contentType),
          contentType,
          sizeBytes: upload.size,
          sha256: upload.sha256,
          uploadedBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'report.document_added',
          entityType: 'dossier_report',
          entityId: reportId,
          after: { documentId: document.id, fileName: document.fileName, sha256: document.sha256 },
          requestId: auth.requestId,
        },
        manager,
      );
      return document;
    });
    return toView(saved);
  }

  /** The report, visible to the administration and to the members of its dossier's applicant (404 otherwise). */
  private async visible(auth: AuthContext, reportId: string, asOrganisation = false): Promise<DossierReportEntity> {
    const report = await this.reports.reportById(reportId);
    if (!report) throw new AppException('NOT_FOUND');
    const admin = auth.user.roles.includes('admin') && !asOrganisation;
    const dossier = await this.reports.dossier(report.dossierId, admin ? null : auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    return report;
  }

  private async lockEditable(
    reportId: string,
    manager: Parameters<ReportRepository['lockById']>[1],
  ): Promise<DossierReportEntity> {
    const report = await this.reports.lockById(reportId, manager);
    if (!report) throw new AppException('NOT_FOUND');
    if (!EDITABLE.includes(report.status))
      throw new AppException('REPORT_NOT_EDITABLE', { params: { status: report.status } });
    return report;
  }
}

function toView(document: ReportDocumentEntity): ReportDocumentView {
  return {
    id: document.id,
    reportId: document.reportId,
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    uploadedAt: document.uploadedAt.toISOString(),
  };
}
