import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  RecoveryCodesResponse,
  SecondFactorEnrolment,
  SecondFactorStatus,
  SessionResponse,
} from '@portal/contracts';
import { AppConfig } from '@portal/server';
import { AllowedDuringEnrolment, Authenticated, Public } from '../../common/access.decorators';
import { CurrentAuth } from '../../common/current-auth.decorator';
import { requestIdOf, type AuthContext, type PortalRequest } from '../../common/request-context';
import { CsrfService } from '../csrf.service';
import { ConfirmEnrolmentDto, SecondFactorProofDto, TotpLoginDto } from './dto/second-factor.dto';
import { SecondFactorLoginService } from './second-factor-login.service';
import { SecondFactorService } from './second-factor.service';
import { setSessionCookie } from '../session-cookie';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class SecondFactorController {
  constructor(
    private readonly login: SecondFactorLoginService,
    private readonly factors: SecondFactorService,
    private readonly csrf: CsrfService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login/totp')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a login with a code from the authenticator app or a recovery code' })
  async completeLogin(
    @Body() dto: TotpLoginDto,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const { user, token, expiresAt } = await this.login.complete(dto.challenge, dto.code, {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: requestIdOf(request),
    });
    return { user, csrfToken: setSessionCookie({ token, expiresAt }, request, response, this.config, this.csrf) };
  }

  @Authenticated()
  @AllowedDuringEnrolment()
  @Get('second-factor')
  @ApiOperation({ summary: 'My second factor: enabled, required for my role, recovery codes left' })
  status(@CurrentAuth() auth: AuthContext): Promise<SecondFactorStatus> {
    return this.factors.status(auth);
  }

  @Authenticated()
  @AllowedDuringEnrolment()
  @Post('second-factor/enrolment')
  @HttpCode(201)
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret (URI, QR code), shown only now' })
  startEnrolment(@CurrentAuth() auth: AuthContext): Promise<SecondFactorEnrolment> {
    return this.factors.startEnrolment(auth);
  }

  @Authenticated()
  @AllowedDuringEnrolment()
  @Post('second-factor/enrolment/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the authenticator with a code; answers ten recovery codes, shown only now' })
  confirmEnrolment(@CurrentAuth() auth: AuthContext, @Body() dto: ConfirmEnrolmentDto): Promise<RecoveryCodesResponse> {
    return this.factors.confirmEnrolment(auth, dto.code);
  }

  @Authenticated()
  @Post('second-factor/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn the authenticator off (a current code or the password); not for required roles' })
  disable(@CurrentAuth() auth: AuthContext, @Body() dto: SecondFactorProofDto): Promise<void> {
    return this.factors.disable(auth, dto);
  }

  @Authenticated()
  @Post('second-factor/recovery-codes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ten new recovery codes (a current code or the password); the old ones stop working' })
  regenerateRecoveryCodes(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: SecondFactorProofDto,
  ): Promise<RecoveryCodesResponse> {
    return this.factors.regenerateRecoveryCodes(auth, dto);
  }
}
