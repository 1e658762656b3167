import { Global, Module } from '@nestjs/common';
import { DatabaseClock } from '../database/database-clock';
import { PasswordResetRepository } from './password-reset.repository';

/** What the API and the worker share about accounts: reset links and the database clock. */
@Global()
@Module({ providers: [PasswordResetRepository, DatabaseClock], exports: [PasswordResetRepository, DatabaseClock] })
export class AccountsModule {}
