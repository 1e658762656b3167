import { Module } from '@nestjs/common';
import { CallRepository } from './call.repository';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

@Module({ controllers: [CallsController], providers: [CallsService, CallRepository], exports: [CallRepository] })
export class CallsModule {}
