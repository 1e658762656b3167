import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { OidcClient } from './oidc-client';
import { OidcIdentityRepository } from './oidc-identity.repository';
import { OidcSignInService } from './oidc-sign-in.service';
import { OidcController } from './oidc.controller';

/** Single sign-on through the identity service (OpenID Connect); ADR 0015. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [OidcController],
  providers: [OidcClient, OidcIdentityRepository, OidcSignInService],
})
export class OidcModule {}
