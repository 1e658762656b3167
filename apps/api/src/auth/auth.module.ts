import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailVerificationController } from './email-verification.controller';
import { EmailVerificationRepository } from './email-verification.repository';
import { EmailVerificationService } from './email-verification.service';
import { CsrfService } from './csrf.service';
import { LoginThrottle } from './login-throttle';
import { PasswordPolicy } from './password-policy/password-policy';
import { PasswordResetService } from './password-reset.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

@Module({
  imports: [UsersModule],
  controllers: [AuthController, EmailVerificationController],
  providers: [
    AuthService,
    SessionService,
    SessionRepository,
    CsrfService,
    PasswordResetService,
    LoginThrottle,
    PasswordPolicy,
    EmailVerificationService,
    EmailVerificationRepository,
  ],
  exports: [SessionService, CsrfService, PasswordPolicy, EmailVerificationService],
})
export class AuthModule {}
