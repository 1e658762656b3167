import { personFromClaims, rolesAfterSignIn, safeReturnPath } from './oidc-claims';

const settings = {
  representsClaim: 'represents',
  rolesClaim: 'roles',
  roleMap: new Map([
    ['portal-admin', 'admin' as const],
    ['kabinet', 'minister' as const],
  ]),
};

describe('OIDC claims', () => {
  it('takes the person, the valid enterprise numbers and the mapped roles', () => {
    const person = personFromClaims(
      'https://idp.example.be',
      {
        sub: 'abc',
        email: ' Cora@Example.BE ',
        email_verified: true,
        name: 'Cora\u202E Coördinator',
        represents: ['BE 0412.345.614', '0412345614', '0412345615', 7],
        roles: ['portal-admin', 'unknown'],
      },
      settings,
    );
    expect(person).toEqual({
      issuer: 'https://idp.example.be',
      subject: 'abc',
      email: 'cora@example.be',
      emailVerified: true,
      displayName: 'Cora Coördinator',
      represents: ['0412345614'],
      ignoredRepresents: ['0412345615'],
      roles: ['admin'],
    });
  });

  it('accepts one string for a list claim and falls back to the address as the name', () => {
    const person = personFromClaims(
      'i',
      { sub: 's', email: 'a@b.be', represents: '0403170701', roles: 'kabinet' },
      settings,
    );
    expect(person).toMatchObject({
      displayName: 'a@b.be',
      represents: ['0403170701'],
      roles: ['minister'],
      emailVerified: false,
    });
  });

  it('refuses claims without a subject or a valid e-mail address', () => {
    expect(personFromClaims('i', { email: 'a@b.be' }, settings)).toBeNull();
    expect(personFromClaims('i', { sub: 's', email: 'not an address' }, settings)).toBeNull();
    expect(personFromClaims('i', { sub: 's' }, settings)).toBeNull();
  });

  it('changes only the roles the role map can give, and never leaves an account without a role', () => {
    const mappable = ['admin', 'minister'] as const;
    expect(rolesAfterSignIn(['applicant', 'reviewer', 'admin'], ['minister'], [...mappable])).toEqual([
      'applicant',
      'reviewer',
      'minister',
    ]);
    expect(rolesAfterSignIn(['admin'], [], [...mappable])).toEqual(['applicant']);
  });

  it('keeps only same-site relative return paths', () => {
    expect(safeReturnPath('/aanvrager/dossiers?x=1')).toBe('/aanvrager/dossiers?x=1');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/login',
      '/api/v1/x',
      '/a b',
      '/a\u0000b',
      '/a\u007fb',
      5,
    ]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});
