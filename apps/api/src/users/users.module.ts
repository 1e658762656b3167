import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { UserRepository } from './user.repository';

@Module({ providers: [UserRepository, PasswordHasher], exports: [UserRepository, PasswordHasher] })
export class UsersModule {}
