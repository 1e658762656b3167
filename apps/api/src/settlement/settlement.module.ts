import { Module } from '@nestjs/common';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { RecoveryService } from './recovery.service';
import { SettlementController } from './settlement.controller';
import { SettlementRepository } from './settlement.repository';
import { SettlementService } from './settlement.service';

/**
 * After the final report (ADR 0025): the settlement (computed when the final report is approved), recoveries with
 * their letter and repayments, and the ledger per call and per organisation.
 */
@Module({
  controllers: [SettlementController],
  providers: [SettlementRepository, LedgerRepository, SettlementService, RecoveryService, LedgerService],
  exports: [SettlementService],
})
export class SettlementModule {}
