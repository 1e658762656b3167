import { ConfigError, loadConfig, loadConfigOrExit } from './app-config';

describe('configuration', () => {
  it('has defaults that work on a development machine', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/grant_portal');
    expect(config.PORT).toBe(3000);
    expect(config.MIGRATIONS).toBe('apply');
  });

  it('reads and converts values from the environment', () => {
    const config = loadConfig({ PORT: '8080', APP_URL: 'https://subsidies.example.be', SESSION_TTL_MINUTES: '60' });
    expect(config.PORT).toBe(8080);
    expect(config.secureCookies).toBe(true);
    expect(config.SESSION_TTL_MINUTES).toBe(60);
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'localhost:6379'],
    ['SMTP_URL', 'mail.example.be'],
    ['PORT', 'eighty'],
    ['SESSION_SECRET', 'short'],
    ['MIGRATIONS', 'maybe'],
    ['OIDC_ISSUER', 'idp.example.be'],
    ['OIDC_ROLE_MAP', 'portal-admin:superuser'],
    ['OIDC_REQUIRED_FOR_ROLES', 'admin,root'],
    ['OIDC_SCOPES', 'profile email'],
    ['OIDC_LINK_BY_EMAIL', 'yes'],
    ['TOTP_REQUIRED_FOR_ROLES', 'admin,superuser'],
    ['TOTP_ENCRYPTION_KEY', 'short'],
    ['TOTP_FAILURES_PER_ACCOUNT', '0'],
    ['ATTACHMENT_STORAGE', 'disk'],
    ['S3_BUCKET', 'Mijn_Bucket'],
    ['S3_ENDPOINT', 'minio.example.be:9000'],
    ['S3_REGION', 'eu west'],
    ['S3_FORCE_PATH_STYLE', 'yes'],
  ])('a malformed %s stops with one line naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(name);
      expect(message.split('\n')).toHaveLength(1);
    }
  });

  it('reads the single sign-on settings: off by default, the redirect URI derived from APP_URL', () => {
    expect(loadConfig({}).oidcEnabled).toBe(false);
    const config = loadConfig({
      APP_URL: 'https://subsidies.example.be/',
      OIDC_ISSUER: 'https://idp.example.be',
      OIDC_CLIENT_ID: 'portal',
      OIDC_CLIENT_SECRET: 'geheim',
      OIDC_ROLE_MAP: 'portal-admin:admin,kabinet:minister',
      OIDC_REQUIRED_FOR_ROLES: 'admin,minister',
    });
    expect(config.oidcEnabled).toBe(true);
    expect(config.oidcRedirectUri).toBe('https://subsidies.example.be/api/v1/auth/oidc/callback');
    expect([...config.oidcRoleMap]).toEqual([
      ['portal-admin', 'admin'],
      ['kabinet', 'minister'],
    ]);
    expect(config.oidcRequiredForRoles).toEqual(['admin', 'minister']);
  });

  it('refuses an issuer without client credentials, and a plain-http issuer in production', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.be' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        OIDC_ISSUER: 'http://idp.example.be',
        OIDC_CLIENT_ID: 'portal',
        OIDC_CLIENT_SECRET: 'geheim',
      }),
    ).toThrow(/OIDC_ISSUER must be an https/);
  });

  it('refuses the public development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });

  it('requires a second factor for admin and minister in production only, unless configured', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40), TOTP_ENCRYPTION_KEY: 'k'.repeat(40) };
    expect(loadConfig(production).totpRequiredRoles).toEqual(['admin', 'minister']);
    expect(loadConfig({ ...production, TOTP_REQUIRED_FOR_ROLES: 'none' }).totpRequiredRoles).toEqual([]);
    expect(loadConfig({}).totpRequiredRoles).toEqual([]);
    expect(loadConfig({ TOTP_REQUIRED_FOR_ROLES: ' admin, reviewer ' }).totpRequiredRoles).toEqual([
      'admin',
      'reviewer',
    ]);
    expect(() => loadConfig({ ...production, TOTP_ENCRYPTION_KEY: undefined })).toThrow(/TOTP_ENCRYPTION_KEY/);
  });

  it('stores attachments in PostgreSQL by default and checks the S3 settings together', () => {
    expect(loadConfig({}).ATTACHMENT_STORAGE).toBe('postgres');
    const s3 = {
      ATTACHMENT_STORAGE: 's3',
      S3_BUCKET: 'portal-attachments',
      S3_REGION: 'eu-west-1',
      S3_ENDPOINT: 'https://minio.example.be:9000',
      S3_ACCESS_KEY_ID: 'portal',
      S3_SECRET_ACCESS_KEY: 'geheim-geheim',
      S3_FORCE_PATH_STYLE: 'true',
    };
    expect(loadConfig(s3)).toMatchObject({ ATTACHMENT_STORAGE: 's3', S3_BUCKET: 'portal-attachments' });
    // Keys from the SDK's own chain (an instance or pod role): neither set.
    expect(loadConfig({ ...s3, S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' }).S3_ACCESS_KEY_ID).toBe('');
    expect(() => loadConfig({ ...s3, S3_BUCKET: '' })).toThrow(/S3_BUCKET is required/);
    expect(() => loadConfig({ ...s3, S3_REGION: '' })).toThrow(/S3_REGION is required/);
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: '' })).toThrow(/set together/);
    // An S3 setting without ATTACHMENT_STORAGE=s3 is a mistake, not something to ignore silently.
    expect(() => loadConfig({ S3_BUCKET: 'portal-attachments' })).toThrow(
      'Configuration error: S3_BUCKET is set but ATTACHMENT_STORAGE is postgres (set ATTACHMENT_STORAGE=s3 to use S3)',
    );
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40), TOTP_ENCRYPTION_KEY: 'k'.repeat(40) };
    expect(() => loadConfig({ ...production, ...s3, S3_ENDPOINT: 'http://minio.internal:9000' })).toThrow(
      /S3_ENDPOINT must be an https/,
    );
    expect(loadConfig({ ...production, ...s3 }).S3_ENDPOINT).toBe('https://minio.example.be:9000');
  });

  it('never shows the S3 secret in a configuration error', () => {
    expect(() => loadConfig({ S3_ACCESS_KEY_ID: 'met spatie' })).toThrow(ConfigError);
    try {
      loadConfig({ S3_ACCESS_KEY_ID: 'met spatie' });
    } catch (error) {
      expect((error as Error).message).not.toContain('met spatie');
    }
  });

  it('loadConfigOrExit prints the line and exits with code 78', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfigOrExit({ REDIS_URL: 'nope' })).toThrow('exit');
      expect(exit).toHaveBeenCalledWith(78);
      expect(String(write.mock.calls[0][0])).toMatch(/^Configuration error: REDIS_URL .*\n$/);
    } finally {
      exit.mockRestore();
      write.mockRestore();
    }
  });
});
