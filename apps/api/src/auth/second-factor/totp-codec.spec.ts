import { loadConfig } from '@portal/server';
import { Secret, TOTP } from 'otpauth';
import { TotpCodec } from './totp-codec';

describe('TotpCodec', () => {
  const codec = new TotpCodec(loadConfig({}));
  const at = Date.UTC(2026, 11, 2, 12, 0, 10);
  const codeAt = (secret: string, timestamp: number) =>
    new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });

  it('encrypts the secret so that only the same key reads it, and detects tampering', () => {
    const secret = codec.newSecret();
    const stored = codec.encrypt(secret);
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain(secret);
    expect(codec.encrypt(secret)).not.toBe(stored); // a fresh IV each time
    expect(codec.decrypt(stored)).toBe(secret);
    const other = new TotpCodec(loadConfig({ TOTP_ENCRYPTION_KEY: 'another-key-of-at-least-thirty-two-chars' }));
    expect(() => other.decrypt(stored)).toThrow();
    const [v, iv, tag, data] = stored.split('.');
    const flipped = `${data[0] === 'A' ? 'B' : 'A'}${data.slice(1)}`;
    expect(() => codec.decrypt([v, iv, tag, flipped].join('.'))).toThrow();
  });

  it('accepts the code of this step and one step either side, and names the step', () => {
    const secret = codec.newSecret();
    const step = Math.floor(at / 30_000);
    expect(codec.matchStep(secret, codeAt(secret, at), at)).toBe(step);
    expect(codec.matchStep(secret, codeAt(secret, at - 30_000), at)).toBe(step - 1);
    expect(codec.matchStep(secret, codeAt(secret, at + 30_000), at)).toBe(step + 1);
    expect(codec.matchStep(secret, codeAt(secret, at + 90_000), at)).toBeNull();
  });

  it('writes an otpauth URI apps understand', () => {
    const secret = codec.newSecret();
    const uri = codec.otpauthUri(secret, 'admin@example.be');
    expect(uri).toBe(
      `otpauth://totp/Subsidieportaal:admin%40example.be?issuer=Subsidieportaal&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
