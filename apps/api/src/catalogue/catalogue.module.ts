import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossiers/dossier.repository';
import { AllocationController } from './allocation.controller';
import { AllocationService } from './allocation.service';
import { CatalogueReportService } from './catalogue-report.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

/** Catalogue calls (Plan Samenleven): the catalogue, subscriptions, allocation by priority and the reports. */
@Module({
  controllers: [CatalogueController, SubscriptionsController, AllocationController],
  providers: [
    CatalogueRepository,
    DossierRepository,
    CatalogueService,
    SubscriptionsService,
    AllocationService,
    CatalogueReportService,
  ],
})
export class CatalogueModule {}
