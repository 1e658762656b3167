import { Global, Module } from '@nestjs/common';
import { CallLifecycleRepository } from './call-lifecycle.repository';

@Global()
@Module({ providers: [CallLifecycleRepository], exports: [CallLifecycleRepository] })
export class LifecycleModule {}
