import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@portal/server';
import { loadEsm } from 'load-esm';
import type { Configuration } from 'openid-client';

// openid-client ships as ES modules only: loaded like file-type (native import in Node, transformed under Jest).
type OpenIdClient = typeof import('openid-client');
let openIdClient: Promise<OpenIdClient> | undefined;
const load = () => (openIdClient ??= loadEsm<OpenIdClient>('openid-client'));

/** Why a sign-in at the identity service did not give a person. */
export class OidcFlowError extends Error {
  constructor(
    readonly reason: 'cancelled' | 'provider',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The relying party (openid-client): discovers the issuer once (retried after a failure), builds the authorization
 * URL with PKCE (S256), state and nonce, and exchanges the code for tokens whose ID token it validates (signature,
 * issuer, audience, expiry, nonce). Claims from the userinfo endpoint are added to the ID token's.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private configuration: Promise<Configuration> | undefined;

  constructor(private readonly config: AppConfig) {}

  private discover(): Promise<Configuration> {
    this.configuration ??= (async () => {
      const client = await load();
      const insecure = this.config.OIDC_ISSUER.startsWith('http://');
      return client.discovery(
        new URL(this.config.OIDC_ISSUER),
        this.config.OIDC_CLIENT_ID,
        undefined,
        client.ClientSecretBasic(this.config.OIDC_CLIENT_SECRET),
        // Plain http only outside production (AppConfig refuses it there): the local development provider.
        insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
    })().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** A fresh attempt: the URL to send the browser to, and the secrets the callback needs. */
  async start(): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
    const client = await load();
    let configuration: Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      this.logger.warn(`OIDC discovery of ${this.config.OIDC_ISSUER} failed: ${(error as Error).message}`);
      throw new OidcFlowError('provider', 'discovery failed');
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.oidcRedirectUri,
      scope: this.config.OIDC_SCOPES,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * Finishes the attempt with the query string the provider sent the browser back with; returns the issuer and the
   * person's claims. OidcFlowError when the person cancelled or the provider's answer does not hold.
   */
  async finish(
    query: string,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ issuer: string; claims: Record<string, unknown> }> {
    const client = await load();
    const configuration = await this.discover().catch(() => {
      throw new OidcFlowError('provider', 'discovery failed');
    });
    const callbackUrl = new URL(this.config.oidcRedirectUri);
    callbackUrl.search = query;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      let userinfo: Record<string, unknown> = {};
      if (configuration.serverMetadata().userinfo_endpoint) {
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      }
      return { issuer: configuration.serverMetadata().issuer, claims: { ...userinfo, ...idClaims } };
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError && error.error === 'access_denied') {
        throw new OidcFlowError('cancelled', error.error_description ?? error.error);
      }
      this.logger.warn(`OIDC sign-in failed: ${(error as Error).message}`);
      throw new OidcFlowError('provider', (error as Error).message);
    }
  }
}
