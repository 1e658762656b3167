import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { toString as qrSvg } from 'qrcode';
import { AppConfig } from '@portal/server';

/** What authenticator apps expect (Google Authenticator, FreeOTP, Microsoft Authenticator...): RFC 6238 defaults. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** One step either side: a code typed just as it changes, or a phone clock a little off, still works. */
const WINDOW = 1;
const ISSUER = 'Subsidieportaal';
const FORMAT = 'v1';

/**
 * The TOTP arithmetic (the otpauth library) and the secret's encryption at rest: AES-256-GCM with a key derived
 * from TOTP_ENCRYPTION_KEY, stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). A database leak alone does not
 * yield the secrets; the key is a separate setting.
 */
@Injectable()
export class TotpCodec {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHash('sha256').update(config.TOTP_ENCRYPTION_KEY).digest();
  }

  newSecret(): string {
    return new Secret({ size: 20 }).base32;
  }

  otpauthUri(secret: string, accountName: string): string {
    return this.totp(secret, accountName).toString();
  }

  /** The otpauth URI as an SVG QR code in a data URL (the web app shows it as an image; no script involved). */
  async qrCode(uri: string): Promise<string> {
    const svg = await qrSvg(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  }

  /** The time step the code belongs to when it is valid now (within the window), else null. */
  matchStep(secret: string, code: string, now = Date.now()): number | null {
    const totp = this.totp(secret, 'x');
    const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
    return delta === null ? null : totp.counter({ timestamp: now }) + delta;
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string): string {
    const [format, iv, tag, ciphertext] = stored.split('.');
    if (format !== FORMAT || !iv || !tag || !ciphertext) throw new Error('Unknown TOTP secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  private totp(secret: string, label: string): TOTP {
    return new TOTP({
      issuer: ISSUER,
      label,
      algorithm: ALGORITHM,
      digits: DIGITS,
      period: PERIOD_SECONDS,
      secret: Secret.fromBase32(secret),
    });
  }
}
