import { RateLimited } from '../security/rate-limited.decorator';
import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SESSION_COOKIE } from '@portal/contracts';
import type { CsrfResponse, LoginResponse, SessionResponse } from '@portal/contracts';
import { AppConfig } from '@portal/server';
import { AllowedDuringEnrolment, Authenticated, Public } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { requestIdOf, type AuthContext, type PortalRequest } from '../common/request-context';
import { AuthService } from './auth.service';
import { CsrfService } from './csrf.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterUserDto } from './dto/register-user.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';
import { setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly csrf: CsrfService,
    private readonly config: AppConfig,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @Public()
  @Post('password-reset')
  @RateLimited('account')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset mail (always 202: the answer does not reveal whether the account exists)',
  })
  async requestPasswordReset(
    @Body() dto: PasswordResetRequestDto,
    @Req() request: PortalRequest,
  ): Promise<{ status: 'accepted' }> {
    await this.passwordResets.request(dto.email, requestIdOf(request));
    return { status: 'accepted' };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a new password with a single-use token; ends every session of the account' })
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto, @Req() request: PortalRequest): Promise<void> {
    return this.passwordResets.confirm(dto.token, dto.password, requestIdOf(request));
  }

  @Public()
  @Get('csrf')
  @ApiOperation({ summary: 'A CSRF token to send as X-CSRF-Token on state-changing requests' })
  csrfToken(@Req() request: PortalRequest, @Res({ passthrough: true }) response: Response): CsrfResponse {
    return { csrfToken: this.csrf.issue(request, response) };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; sets the httpOnly session cookie' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const session = await this.auth.login(dto.email, dto.password, this.client(request));
    if ('challenge' in session) return session; // no cookie yet: POST /auth/login/totp completes it
    return this.startSession(session, request, response);
  }

  @Public()
  @Post('register')
  @RateLimited('account')
  @ApiOperation({ summary: 'Create an account (role applicant) and log in' })
  async register(
    @Body() dto: RegisterUserDto,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const session = await this.auth.register(dto, this.client(request));
    response.status(201);
    return this.startSession(session, request, response);
  }

  private client(request: PortalRequest) {
    return {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: requestIdOf(request),
    };
  }

  private startSession(
    { user, token, expiresAt }: { user: SessionResponse['user']; token: string; expiresAt: Date },
    request: PortalRequest,
    response: Response,
  ): SessionResponse {
    return { user, csrfToken: setSessionCookie({ token, expiresAt }, request, response, this.config, this.csrf) };
  }

  @Authenticated()
  @AllowedDuringEnrolment()
  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log out; ends the session on the server' })
  async logout(
    @CurrentAuth() auth: AuthContext,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CsrfResponse> {
    await this.auth.logout(auth.user.id, auth.sessionId, auth.requestId);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    request.sessionTokenOverride = '';
    return { csrfToken: this.csrf.issue(request, response, true) };
  }

  @Authenticated()
  @AllowedDuringEnrolment()
  @Post('logout-everywhere')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log out everywhere: ends every session of the account, this one included' })
  async logoutEverywhere(
    @CurrentAuth() auth: AuthContext,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CsrfResponse & { sessionsEnded: number }> {
    const sessionsEnded = await this.auth.logoutEverywhere(auth.user.id, auth.sessionId, auth.requestId);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    request.sessionTokenOverride = '';
    return { csrfToken: this.csrf.issue(request, response, true), sessionsEnded };
  }

  @Authenticated()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password (current password required); ends every other session' })
  changePassword(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: ChangePasswordDto,
    @Req() request: PortalRequest,
  ): Promise<void> {
    return this.auth.changePassword(auth, dto, this.client(request));
  }

  @Authenticated()
  @AllowedDuringEnrolment()
  @Get('me')
  @ApiOperation({ summary: 'Who am I' })
  me(
    @CurrentAuth() auth: AuthContext,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): SessionResponse {
    return { user: auth.user, csrfToken: this.csrf.issue(request, response) };
  }

  @Authenticated()
  @Patch('me')
  @ApiOperation({ summary: 'Change my display name or the language of my e-mails' })
  async updateMe(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: UpdateMeDto,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const user = await this.auth.updateProfile(auth.user.id, dto, auth.requestId);
    return { user, csrfToken: this.csrf.issue(request, response) };
  }
}
