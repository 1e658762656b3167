import { Module } from '@nestjs/common';
import { AcceptanceRepository } from './acceptance.repository';
import { AcceptanceService } from './acceptance.service';
import { FundingController } from './funding.controller';
import { PaymentBatchRepository } from './payment-batch.repository';
import { PaymentBatchService } from './payment-batch.service';
import { PaymentBatchesController } from './payment-batches.controller';
import { PaymentScheduleRepository } from './payment-schedule.repository';
import { PaymentScheduleService } from './payment-schedule.service';
import { TranchesService } from './tranches.service';

/**
 * After the decision (ADR 0023): the organisation accepts its award, the call's payment schedule, and payment batches
 * with four eyes, exported as SEPA credit transfers. Data in tables of its own: a decided call is frozen (ADR 0009).
 */
@Module({
  controllers: [FundingController, PaymentBatchesController],
  providers: [
    AcceptanceRepository,
    PaymentScheduleRepository,
    PaymentBatchRepository,
    TranchesService,
    AcceptanceService,
    PaymentScheduleService,
    PaymentBatchService,
  ],
  exports: [PaymentScheduleRepository],
})
export class FundingModule {}
