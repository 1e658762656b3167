import { Module } from '@nestjs/common';
import { SsoPolicy } from '../oidc/sso-policy';
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
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SecondFactorLoginService } from './second-factor/second-factor-login.service';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SecondFactorThrottle } from './second-factor/second-factor-throttle';
import { TotpCodec } from './second-factor/totp-codec';

@Module({
  imports: [UsersModule],
  controllers: [AuthController, SecondFactorController, EmailVerificationController],
  providers: [
    AuthService,
    SessionService,
    SessionRepository,
    CsrfService,
    PasswordResetService,
    LoginThrottle,
    PasswordPolicy,
    SsoPolicy,
    SecondFactorLoginService,
    SecondFactorService,
    SecondFactorRepository,
    SecondFactorThrottle,
    TotpCodec,
    EmailVerificationService,
    EmailVerificationRepository,
  ],
  exports: [SessionService, CsrfService, PasswordPolicy, EmailVerificationService],
})
export class AuthModule {}
