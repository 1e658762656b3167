import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReportDocumentEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredAttachment } from '../dossiers/attachment-download.repository';

/** A report's supporting documents (ADR 0024); the trigger `report_documents_guard` freezes a submitted report's. */
@Injectable()
export class ReportDocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  ofReport(reportId: string): Promise<ReportDocumentEntity[]> {
    return this.manager.find(ReportDocumentEntity, { where: { reportId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  insert(
    row: Pick<ReportDocumentEntity, 'reportId' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'uploadedBy'>,
    manager: EntityManager,
  ): Promise<ReportDocumentEntity> {
    return manager.save(ReportDocumentEntity, manager.create(ReportDocumentEntity, row));
  }

  /** Removes the document of this report; false when the report has no such document. */
  async remove(reportId: string, documentId: string, manager: EntityManager): Promise<ReportDocumentEntity | null> {
    const document = await manager.findOneBy(ReportDocumentEntity, { id: documentId, reportId });
    if (!document) return null;
    await manager.delete(ReportDocumentEntity, { id: documentId });
    return document;
  }

  async stored(reportId: string, documentId: string): Promise<StoredAttachment | null> {
    const rows = await this.manager.query<StoredAttachment[]>(
      `SELECT r.file_name AS filename, r.content_type, r.size_bytes, r.sha256,
              EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.sha256 = r.sha256) AS stored
         FROM report_documents r WHERE r.id = $1 AND r.report_id = $2`,
      [documentId, reportId],
    );
    return rows[0] ?? null;
  }
}
