import { Module } from '@nestjs/common';
import { ChangeRequestRepository } from './change-request.repository';
import { ChangeRequestsController } from './change-requests.controller';
import { ChangeRequestsService } from './change-requests.service';

/** Changes after the award (ADR 0024). */
@Module({
  controllers: [ChangeRequestsController],
  providers: [ChangeRequestRepository, ChangeRequestsService],
})
export class ChangesModule {}
