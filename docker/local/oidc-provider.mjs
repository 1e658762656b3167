// A real OpenID Connect provider for development and tests (the npm package oidc-provider), standing in for the
// Flemish government's ACM/IDM: authorization code flow with PKCE, signed ID tokens, and a login page where you pick a
// demo identity. Never for production: the identities are public and anyone may pick one.
//
//   node docker/local/oidc-provider.mjs
//
// Settings (environment): OIDC_PROVIDER_PORT (4010), OIDC_PROVIDER_ISSUER (http://localhost:<port>),
// OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (the portal's, as the API is configured), OIDC_PROVIDER_REDIRECT_URIS
// (comma-separated; default http://localhost:3000/api/v1/auth/oidc/callback), OIDC_PROVIDER_IDENTITIES (a JSON array
// of identities replacing the demo ones) or OIDC_PROVIDER_IDENTITIES_FILE (a JSON file with them, read at each request),
// OIDC_PROVIDER_HOST (127.0.0.1). Prints "oidc-provider listening on <issuer>" once it accepts requests.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const env = process.env;
const port = Number(env.OIDC_PROVIDER_PORT ?? 4010);
const issuer = env.OIDC_PROVIDER_ISSUER ?? `http://localhost:${port}`;
const clientId = env.OIDC_CLIENT_ID || 'subsidieportaal';
const clientSecret = env.OIDC_CLIENT_SECRET || 'lokaal-geheim-voor-ontwikkeling';
const redirectUris = (env.OIDC_PROVIDER_REDIRECT_URIS ?? 'http://localhost:3000/api/v1/auth/oidc/callback')
  .split(',')
  .filter(Boolean);

/** The demo identities: claims as ACM/IDM would give them (`represents`: KBO numbers, `roles`: role values). */
const DEMO_IDENTITIES = [
  {
    sub: 'demo-coordinator',
    name: 'Cora Coördinator',
    email: 'coordinator@idp.demo.subsidieportaal.be',
    // vzw De Brug (in the demo data) and an organisation that has not registered yet.
    represents: ['0412345614', '0403170701'],
    roles: [],
  },
  {
    sub: 'demo-admin',
    name: 'Ada Beheerder (identiteitsdienst)',
    email: 'beheerder@idp.demo.subsidieportaal.be',
    represents: [],
    roles: ['portal-admin'],
  },
  {
    sub: 'demo-reviewer',
    name: 'Bert Beoordelaar (identiteitsdienst)',
    email: 'beoordelaar@idp.demo.subsidieportaal.be',
    represents: [],
    roles: ['portal-reviewer'],
  },
];

// OIDC_PROVIDER_IDENTITIES_FILE is read at every request, so a test can change what the provider says between logins.
const currentIdentities = () => {
  if (env.OIDC_PROVIDER_IDENTITIES_FILE) return JSON.parse(readFileSync(env.OIDC_PROVIDER_IDENTITIES_FILE, 'utf8'));
  return env.OIDC_PROVIDER_IDENTITIES ? JSON.parse(env.OIDC_PROVIDER_IDENTITIES) : DEMO_IDENTITIES;
};
const identityOf = (sub) => currentIdentities().find((identity) => identity.sub === sub);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'email', 'profile', 'portal'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    portal: ['represents', 'roles'],
  },
  // The granted claims go into the ID token too (ACM/IDM-like providers put them there).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const identity = identityOf(sub);
    if (!identity) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        name: identity.name,
        email: identity.email,
        email_verified: true,
        represents: identity.represents ?? [],
        roles: identity.roles ?? [],
      }),
    };
  },
  // The portal is the only client: consent is implied, the grant covers what it asks for.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    return undefined;
  },
});

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page(title, body) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d1d1b}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem;text-align:left;cursor:pointer;
border:1px solid #666;border-radius:4px;background:#fff}button:hover,button:focus{background:#ffe615}
.cancel{text-align:center;background:#eee}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const uid = details.uid;
  if (req.method === 'GET') {
    const buttons = currentIdentities()
      .map(
        (identity) =>
          `<button type="submit" name="sub" value="${escape(identity.sub)}" data-testid="idp-identity-${escape(identity.sub)}">` +
          `${escape(identity.name)}<br><small>${escape(identity.email)}</small></button>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      page(
        'Lokale identiteitsdienst',
        `<p>Demo-aanmelding voor ontwikkeling: kies een identiteit.</p>
<form method="post" action="/interaction/${escape(uid)}/login">${buttons}</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button class="cancel" type="submit" data-testid="idp-cancel">Annuleren</button></form>`,
      ),
    );
    return;
  }
  const action = req.url.split('/')[3];
  if (action === 'abort') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'De gebruiker brak de aanmelding af.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const form = await readForm(req);
  const sub = form.get('sub');
  if (!sub || !identityOf(sub)) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Onbekende identiteit');
    return;
  }
  const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: sub }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const callback = provider.callback();
const server = createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Aanmelding niet (meer) geldig: ${error.message}`);
    });
    return;
  }
  callback(req, res);
});

server.listen(port, env.OIDC_PROVIDER_HOST ?? '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`oidc-provider listening on ${issuer} (port ${address.port})\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
