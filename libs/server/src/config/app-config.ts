import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import type { Role } from '@portal/contracts';
import { PaymentSettings } from './payment-settings';
import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { attachmentStorageProblem } from './attachment-storage-settings';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/**
 * Every setting of the portal, read once from the environment and validated at boot.
 * `process.env` is read in `loadConfig` and nowhere else. Defaults work on a development machine
 * with local PostgreSQL, Redis and a mail catcher; `.env.example` lists them all.
 */
export class AppConfig extends PaymentSettings {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The worker's health port (GET /health: database and Redis reachable); 0: none. The image sets 3001. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 0;

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grant_portal';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespace of every Redis key (BullMQ prefix); lets several portals or test runs share one Redis. */
  @Matches(/^[a-z0-9_-]+$/i, { message: 'must contain letters, digits, - or _ only' })
  REDIS_PREFIX = 'portal';

  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'Subsidieportaal <no-reply@subsidieportaal.localhost>';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  APP_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET = 'development-only-secret-change-me-0123456789';

  @Transform(toInt)
  @IsInt()
  @Min(5)
  SESSION_TTL_MINUTES = 8 * 60;

  /** `apply`: the API runs pending migrations under an advisory lock at boot; `check`: it refuses to start when any are pending. */
  @IsIn(['apply', 'check'])
  MIGRATIONS = 'apply' as 'apply' | 'check';

  /** How often the worker's relay looks for new outbox rows. */
  @Transform(toInt)
  @IsInt()
  @Min(20)
  @Max(60_000)
  OUTBOX_POLL_MS = 500;

  /** How long a worker owns a mail job; after a crash its jobs go back to the queue once this lock expires. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  MAIL_LOCK_MS = 30_000;

  /** How often the worker looks for drafts that are due a reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  REMINDER_SCAN_MS = 60_000;

  /** Reviewers with an assignment still open this long after it was made get one reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60 * 24 * 60)
  REVIEW_REMINDER_AFTER_MINUTES = 3 * 24 * 60;

  /** Parallel SMTP connections of one worker (nodemailer pool) and parallel mail jobs. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE = 5;

  /** Attempts per mail before the notification is marked failed (an admin can resend it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  MAIL_ATTEMPTS = 5;

  /** First retry delay; each next one doubles (2, 4, 8, 16 s by default). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  MAIL_BACKOFF_MS = 2000;

  /**
   * Days after which the worker purges what is no longer needed: expired or ended sessions, used or expired password
   * resets and invitations, and the bodies of mails sent that long ago. Audit events and dossiers are never purged.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  RETENTION_DAYS = 90;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * A JSON file with the decision letters' sender, contact, signatory, appeal route and award conditions (any part of
   * apps/api/src/assessment/letters/letter-settings.ts's defaults); empty for those defaults. Read at start.
   */
  @IsString()
  LETTER_SETTINGS_FILE = '';

  /** Folder with the built web app that the API serves; empty to serve no web app. */
  @IsString()
  WEB_DIST = 'dist/web';

  /** Consecutive failed logins for one account from one IP address before that pair is blocked (success resets it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_FAILURES_PER_ACCOUNT = 10;

  /** Failed logins from one IP address (any account) within 24 hours before that address is blocked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_FAILURES_PER_IP = 100;

  /** How long a blocked account/IP pair or IP address must wait before logging in again. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  LOGIN_BLOCK_SECONDS = 900;

  /** Window of the submit and upload rate limits below. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  RATE_LIMIT_WINDOW_SECONDS = 600;

  /** Dossier submissions per user, and per IP address, within the window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SUBMIT_LIMIT_PER_USER = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SUBMIT_LIMIT_PER_IP = 200;

  /** Attachment uploads per user, and per IP address, within the window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOAD_LIMIT_PER_USER = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOAD_LIMIT_PER_IP = 600;

  /** Account creations and password-reset requests per IP address within the window (they send mail). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_LIMIT_PER_IP = 20;

  /** Colleague invitations one person may send within the window (each one is a mail from the portal's address). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INVITE_LIMIT_PER_USER = 20;

  /** Colleague invitations sent for one organisation or local government within the window, by all its admins together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INVITE_LIMIT_PER_APPLICANT = 50;

  /**
   * argon2id hashes computed at once per process. Each takes one libuv thread and 19 MiB; the rest wait in a queue,
   * so a login storm cannot take the whole thread pool that file I/O (uploads, downloads) also uses.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = 2;

  /** Path of clamscan (or clamdscan); when set, every upload is scanned before it is stored. Empty: no scan. */
  @IsString()
  CLAMSCAN_PATH = '';

  /** How long one scan may take before the upload is refused with 503 (nothing stored). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  CLAMSCAN_TIMEOUT_MS = 60_000;

  /**
   * Single sign-on through an OpenID Connect provider (ACM/IDM in the Flemish government); empty: off. The issuer URL
   * is discovered (`/.well-known/openid-configuration`); `http://` is accepted outside production only.
   */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'must be an http(s):// URL or empty' })
  OIDC_ISSUER = '';

  @Matches(/^[\x21-\x7e]{0,200}$/, { message: 'must be printable ASCII without spaces' })
  OIDC_CLIENT_ID = '';

  @IsString()
  OIDC_CLIENT_SECRET = '';

  /** Where the provider sends the person back; empty: APP_URL + /api/v1/auth/oidc/callback. */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'must be an http(s):// URL or empty' })
  OIDC_REDIRECT_URI = '';

  /** Scopes asked for; `openid` is required. */
  @Matches(/^(?=.*\bopenid\b)[\w:.-]+( [\w:.-]+)*$/, { message: 'must be space-separated scopes including openid' })
  OIDC_SCOPES = 'openid profile email';

  /** Claim with the enterprise numbers (KBO) the person may represent: an array, or one string. */
  @Matches(/^[\w:.-]{1,100}$/, { message: 'must be a claim name' })
  OIDC_REPRESENTS_CLAIM = 'represents';

  /** Claim with the person's roles at the identity service, mapped to portal roles by OIDC_ROLE_MAP. */
  @Matches(/^[\w:.-]{1,100}$/, { message: 'must be a claim name' })
  OIDC_ROLES_CLAIM = 'roles';

  /** `claim-value:portal-role,...`, e.g. `portal-admin:admin,portal-reviewer:reviewer,kabinet:minister`. */
  @Matches(/^([\w.-]+:(admin|reviewer|minister|applicant))?(,[\w.-]+:(admin|reviewer|minister|applicant))*$/, {
    message: 'must be a list like portal-admin:admin,kabinet:minister (roles admin, reviewer, minister, applicant)',
  })
  OIDC_ROLE_MAP = '';

  /** Accounts holding one of these roles may not log in with a password: only through the identity service. */
  @Matches(/^((admin|reviewer|minister|applicant)(,(admin|reviewer|minister|applicant))*)?$/, {
    message: 'must be a comma-separated list of roles (admin, reviewer, minister, applicant)',
  })
  OIDC_REQUIRED_FOR_ROLES = '';

  /**
   * `true`: a first sign-in whose e-mail address the provider marks verified is linked to the local account with
   * that (confirmed) address. `false` (default): linked by subject only; such an address is refused (ADR 0015).
   */
  @IsIn(['true', 'false'])
  OIDC_LINK_BY_EMAIL = 'false' as 'true' | 'false';

  get oidcEnabled(): boolean {
    return this.OIDC_ISSUER !== '';
  }

  get oidcRedirectUri(): string {
    return this.OIDC_REDIRECT_URI || `${this.APP_URL.replace(/\/+$/, '')}/api/v1/auth/oidc/callback`;
  }

  /** Identity-service role value -> portal role. */
  get oidcRoleMap(): Map<string, Role> {
    const map = new Map<string, Role>();
    for (const pair of this.OIDC_ROLE_MAP.split(',').filter(Boolean)) {
      const [value, role] = pair.split(':');
      map.set(value, role as Role);
    }
    return map;
  }

  get oidcRequiredForRoles(): Role[] {
    return this.OIDC_REQUIRED_FOR_ROLES.split(',').filter(Boolean) as Role[];
  }

  /**
   * Roles whose password logins require a second factor (TOTP), comma-separated, or `none`. Unset: `admin,minister`
   * in production, none elsewhere (the demo and the tests log in without one unless they set it).
   */
  @Matches(/^\s*(|none|((applicant|admin|reviewer|minister)\s*,?\s*)+)$/, {
    message: 'must be `none` or a comma-separated list of applicant, admin, reviewer, minister',
  })
  TOTP_REQUIRED_FOR_ROLES = '';

  /** Encrypts the TOTP secrets at rest (AES-256-GCM, key derived with SHA-256); required in production. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TOTP_ENCRYPTION_KEY = 'development-only-totp-key-change-me-0123456789';

  /** Wrong second-factor codes for one account before it must wait LOGIN_BLOCK_SECONDS (a right code resets it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  TOTP_FAILURES_PER_ACCOUNT = 5;

  /** The roles that must use a second factor (see TOTP_REQUIRED_FOR_ROLES). */
  get totpRequiredRoles(): string[] {
    const value = this.TOTP_REQUIRED_FOR_ROLES.trim();
    if (value === 'none') return [];
    if (value === '') return this.isProduction ? ['admin', 'minister'] : [];
    return [...new Set(value.split(',').map((role) => role.trim()))].filter((role) => role.length > 0);
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get secureCookies(): boolean {
    return this.APP_URL.startsWith('https://');
  }
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = new AppConfig();
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(known) as Array<keyof AppConfig>) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown =
      first.property.includes('SECRET') || first.property.includes('KEY') || first.property.includes('URL')
        ? ''
        : ` (got "${String(first.value)}")`;
    throw new ConfigError(
      `Configuration error: ${first.property} ${reason.replace(new RegExp(`^${first.property}\\s*`), '')}${shown}`,
    );
  }
  if (config.oidcEnabled && (!config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET)) {
    throw new ConfigError(
      'Configuration error: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required when OIDC_ISSUER is set',
    );
  }
  if (!config.oidcEnabled && config.OIDC_REQUIRED_FOR_ROLES) {
    throw new ConfigError('Configuration error: OIDC_REQUIRED_FOR_ROLES needs OIDC_ISSUER (else nobody could log in)');
  }
  const storageProblem = attachmentStorageProblem(config, config.isProduction);
  if (storageProblem) throw new ConfigError(`Configuration error: ${storageProblem}`);
  if (config.isProduction && config.OIDC_ISSUER.startsWith('http://')) {
    throw new ConfigError('Configuration error: OIDC_ISSUER must be an https:// URL in production');
  }
  if (config.isProduction && config.SESSION_SECRET === new AppConfig().SESSION_SECRET) {
    throw new ConfigError(
      'Configuration error: SESSION_SECRET must be set in production (the development default is public)',
    );
  }
  if (config.isProduction && config.TOTP_ENCRYPTION_KEY === new AppConfig().TOTP_ENCRYPTION_KEY) {
    throw new ConfigError(
      'Configuration error: TOTP_ENCRYPTION_KEY must be set in production (the development default is public)',
    );
  }
  return config;
}

/** For entry points: load the configuration or print the one line that names the problem and exit. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
