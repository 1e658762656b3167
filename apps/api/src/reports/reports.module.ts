import { Module } from '@nestjs/common';
import { DossiersModule } from '../dossiers/dossiers.module';
import { SettlementModule } from '../settlement/settlement.module';
import { ReportDocumentRepository } from './report-document.repository';
import { ReportDocumentsController } from './report-documents.controller';
import { ReportDocumentsService } from './report-documents.service';
import { ReportRepository } from './report.repository';
import { ReportReviewService } from './report-review.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports after the award (ADR 0024): a call's reporting, the organisation's reports, the administration's review. */
@Module({
  imports: [SettlementModule, DossiersModule],
  controllers: [ReportsController, ReportDocumentsController],
  providers: [ReportRepository, ReportsService, ReportReviewService, ReportDocumentRepository, ReportDocumentsService],
})
export class ReportsModule {}
