import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SSO_ERROR_PARAM, type ErrorCode, type SsoStatus } from '@portal/contracts';
import { AppConfig, AppException } from '@portal/server';
import { CsrfService } from '../auth/csrf.service';
import { setSessionCookie } from '../auth/session-cookie';
import { Public } from '../common/access.decorators';
import { databaseRefusal } from '../common/problem.filter';
import { requestIdOf, type PortalRequest } from '../common/request-context';
import { personFromClaims, safeReturnPath } from './oidc-claims';
import { OidcClient, OidcFlowError } from './oidc-client';
import { OidcSignInService } from './oidc-sign-in.service';
import { OIDC_STATE_COOKIE, OIDC_STATE_COOKIE_PATH, OIDC_STATE_TTL_MS, OidcStateSealer } from './oidc-state';

const LOGIN_PATH = '/api/v1/auth/oidc/login';

/**
 * Single sign-on through the identity service (OpenID Connect, authorization code flow with PKCE). Both routes are
 * browser navigations, not API calls: they answer with redirects, and a failed sign-in lands on the login page with a
 * stable code (`/login?sso-fout=CODE`) that the page shows as a readable message.
 */
@ApiTags('auth')
@Controller({ path: 'auth/oidc', version: '1' })
export class OidcController {
  private readonly logger = new Logger(OidcController.name);
  private readonly sealer: OidcStateSealer;

  constructor(
    private readonly config: AppConfig,
    private readonly client: OidcClient,
    private readonly signIn: OidcSignInService,
    private readonly csrf: CsrfService,
  ) {
    this.sealer = new OidcStateSealer(config.SESSION_SECRET);
  }

  @Public()
  @Get('status')
  @ApiOperation({ summary: 'Whether signing in through the identity service (OpenID Connect) is offered' })
  status(): SsoStatus {
    return { enabled: this.config.oidcEnabled, loginPath: LOGIN_PATH };
  }

  @Public()
  @Get('login')
  @ApiOperation({
    summary: 'Start a sign-in at the identity service: 302 to the provider (PKCE, state, nonce in a sealed cookie)',
  })
  async login(@Req() request: PortalRequest, @Res() response: Response): Promise<void> {
    if (!this.config.oidcEnabled) return this.fail(response, 'SSO_DISABLED');
    let started: Awaited<ReturnType<OidcClient['start']>>;
    try {
      started = await this.client.start();
    } catch (error) {
      if (error instanceof OidcFlowError) return this.fail(response, 'SSO_PROVIDER_ERROR');
      throw error;
    }
    const sealed = this.sealer.seal({
      state: started.state,
      nonce: started.nonce,
      codeVerifier: started.codeVerifier,
      returnTo: safeReturnPath(request.query.terug),
      expiresAt: Date.now() + OIDC_STATE_TTL_MS,
    });
    // Lax, not Strict: the provider sends the browser back with a top-level navigation from its own site.
    response.cookie(OIDC_STATE_COOKIE, sealed, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: OIDC_STATE_COOKIE_PATH,
      maxAge: OIDC_STATE_TTL_MS,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, started.url);
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    summary: 'Where the identity service sends the browser back: exchanges the code, starts the portal session, 302',
  })
  async callback(@Req() request: PortalRequest, @Res() response: Response): Promise<void> {
    if (!this.config.oidcEnabled) return this.fail(response, 'SSO_DISABLED');
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const attempt = this.sealer.open(cookies?.[OIDC_STATE_COOKIE]);
    // Single use: whatever happens next, this attempt is over.
    response.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_STATE_COOKIE_PATH });
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const params = new URLSearchParams(query);
    if (!attempt) return this.fail(response, 'SSO_STATE_INVALID');
    if (params.get('state') !== attempt.state) return this.fail(response, 'SSO_STATE_INVALID');
    try {
      const { issuer, claims } = await this.client.finish(query, attempt);
      const person = personFromClaims(issuer, claims, {
        representsClaim: this.config.OIDC_REPRESENTS_CLAIM,
        rolesClaim: this.config.OIDC_ROLES_CLAIM,
        roleMap: this.config.oidcRoleMap,
      });
      if (!person) return this.fail(response, 'SSO_CLAIMS_INVALID');
      const session = await this.signIn.signIn(person, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: requestIdOf(request),
      });
      setSessionCookie(session, request, response, this.config, this.csrf);
      response.setHeader('Cache-Control', 'no-store');
      response.redirect(302, attempt.returnTo ?? '/');
    } catch (error) {
      if (error instanceof OidcFlowError) {
        return this.fail(response, error.reason === 'cancelled' ? 'SSO_CANCELLED' : 'SSO_PROVIDER_ERROR');
      }
      const refusal = error instanceof AppException ? error : databaseRefusal(error);
      if (refusal) return this.fail(response, refusal.code);
      throw error;
    }
  }

  /** To the login page, which shows the code's message; relative, so it stays on the site that served the callback. */
  private fail(response: Response, code: ErrorCode): void {
    this.logger.log(`OIDC sign-in refused: ${code}`);
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, `/login?${new URLSearchParams({ [SSO_ERROR_PARAM]: code }).toString()}`);
  }
}
