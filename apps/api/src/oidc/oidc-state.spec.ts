import { OidcStateSealer } from './oidc-state';

describe('OIDC sign-in attempt cookie', () => {
  const sealer = new OidcStateSealer('x'.repeat(40));
  const attempt = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/aanvrager', expiresAt: 2_000 };

  it('opens what it sealed until it expires', () => {
    const sealed = sealer.seal(attempt);
    expect(sealed).not.toContain('/aanvrager');
    expect(sealer.open(sealed, 1_000)).toEqual(attempt);
    expect(sealer.open(sealed, 2_000)).toBeNull();
  });

  it('refuses a changed cookie, another secret, and garbage', () => {
    const sealed = sealer.seal(attempt);
    const [iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(sealer.open([iv, flipped.toString('base64url'), tag].join('.'), 1_000)).toBeNull();
    expect(new OidcStateSealer('y'.repeat(40)).open(sealed, 1_000)).toBeNull();
    expect(sealer.open('a.b.c', 1_000)).toBeNull();
    expect(sealer.open(undefined, 1_000)).toBeNull();
  });
});
