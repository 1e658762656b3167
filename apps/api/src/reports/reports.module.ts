import { Module } from '@nestjs/common';
import { SettlementModule } from '../settlement/settlement.module';
import { ReportRepository } from './report.repository';
import { ReportReviewService } from './report-review.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports after the award (ADR 0024): a call's reporting, the organisation's reports, the administration's review. */
@Module({
  imports: [SettlementModule],
  controllers: [ReportsController],
  providers: [ReportRepository, ReportsService, ReportReviewService],
})
export class ReportsModule {}
