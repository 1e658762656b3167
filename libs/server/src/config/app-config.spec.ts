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
    ['TOTP_REQUIRED_FOR_ROLES', 'admin,superuser'],
    ['TOTP_ENCRYPTION_KEY', 'short'],
    ['TOTP_FAILURES_PER_ACCOUNT', '0'],
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
