import { Injectable } from '@nestjs/common';
import type { CatalogueReport } from '@portal/contracts';
import { AppException } from '@portal/server';
import { catalogueOfCall } from '../dossiers/subscription-rules';
import { catalogueReport } from './catalogue-report';
import { CatalogueRepository } from './catalogue.repository';

/** Subscriptions that count in the reports: submitted, and later decided; never drafts or withdrawn ones. */
const REPORTED = ['submitted', 'awarded', 'rejected'] as const;

@Injectable()
export class CatalogueReportService {
  constructor(private readonly repository: CatalogueRepository) {}

  async report(callId: string): Promise<CatalogueReport> {
    const call = await this.repository.findCall(callId);
    if (!call) throw new AppException('NOT_FOUND');
    const catalogue = catalogueOfCall(call);
    const [subscriptions, approved, latest] = await Promise.all([
      this.repository.submittedSubscriptions(callId, REPORTED),
      this.repository.approvedAllocation(callId),
      this.repository.latestAllocation(callId),
    ]);
    return catalogueReport(call, catalogue, subscriptions, approved ?? latest);
  }
}
