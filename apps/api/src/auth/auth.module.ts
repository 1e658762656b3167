import { Module } from '@nestjs/common';
import { SsoPolicy } from '../oidc/sso-policy';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CsrfService } from './csrf.service';
import { LoginThrottle } from './login-throttle';
import { PasswordPolicy } from './password-policy/password-policy';
import { PasswordResetService } from './password-reset.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionService,
    SessionRepository,
    CsrfService,
    PasswordResetService,
    LoginThrottle,
    PasswordPolicy,
    SsoPolicy,
  ],
  exports: [SessionService, CsrfService, PasswordPolicy],
})
export class AuthModule {}
