import type { Browser } from 'playwright-core';
import { ApplicantEntity, UserEntity } from '@portal/server';
import { expectAccessible } from '../support/axe';
import { launchChromium, screenshotPath } from '../support/browser';
import { startApiWithOidc, type LocalOidcProvider } from '../support/oidc-provider';
import type { TestApi } from '../support/test-app';

const COORDINATOR = {
  sub: 'browser-coordinator',
  name: 'Cora Coördinator',
  email: 'cora.browser@idp.test.be',
  // vzw De Brug in the demo data.
  represents: ['0412345614'],
};

describe('single sign-on in Chromium: the login page, the local identity service, back in the portal', () => {
  let api: TestApi;
  let provider: LocalOidcProvider;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ api, provider, baseUrl } = await startApiWithOidc({
      identities: [COORDINATOR],
      overrides: { WEB_DIST: 'dist/web' },
    }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.close();
  });

  it('clicks "Aanmelden via de identiteitsdienst", picks the identity and lands in the portal logged in', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/login`);
      const button = page.getByTestId('login-sso');
      await button.waitFor();
      expect(await button.textContent()).toBe('Aanmelden via de identiteitsdienst');
      await expectAccessible(page, 'the login page with the identity service');
      await page.screenshot({ path: screenshotPath('oidc-1-login-page'), fullPage: true });

      await button.click();
      await page.waitForURL((url) => url.href.startsWith(provider.issuer));
      await page.getByTestId(`idp-identity-${COORDINATOR.sub}`).waitFor();
      await page.screenshot({ path: screenshotPath('oidc-2-identity-service'), fullPage: true });
      await page.getByTestId(`idp-identity-${COORDINATOR.sub}`).click();

      await page.waitForURL((url) => url.href.startsWith(baseUrl) && url.pathname !== '/login');
      await page.getByTestId('role-home').waitFor();
      await page.getByText('vzw De Brug').first().waitFor();
      await page.screenshot({ path: screenshotPath('oidc-3-logged-in'), fullPage: true });

      const user = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email: COORDINATOR.email });
      expect(user.emailVerifiedAt).not.toBeNull();
      const brug = await api.dataSource
        .getRepository(ApplicantEntity)
        .findOneByOrFail({ enterpriseNumber: '0412345614' });
      expect(brug.verificationStatus).toBe('verified');
    } finally {
      await page.close();
    }
  });

  it('shows a readable message on the login page when the sign-in is cancelled at the identity service', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-sso').click();
      await page.getByTestId('idp-cancel').click();
      await page.waitForURL((url) => url.href.startsWith(baseUrl) && url.pathname === '/login');
      const message = page.getByTestId('login-sso-error');
      await message.waitFor();
      expect(await message.textContent()).toContain('afgebroken');
      await page.screenshot({ path: screenshotPath('oidc-4-cancelled'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
