import { randomBytes } from 'node:crypto';
import { ApplicantEntity, AuditEventEntity, UserEntity } from '@portal/server';
import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { startMailWorker, tokenFromMail, type MailWorker } from '../support/mail-worker';
import { DEMO } from '../support/test-app';

/** A valid KBO number nobody registered yet: 0 + 7 digits, then 97 - (those 8 digits mod 97). */
function freshEnterpriseNumber(): string {
  const base = 1_000_000 + Math.floor(Math.random() * 8_999_999);
  return `0${base}${String(97 - (base % 97)).padStart(2, '0')}`;
}

describe('verified identities through Chromium (real API serving the built web app, mail through an SMTP sink)', () => {
  const app = useBrowserApp();
  let mail: MailWorker;

  beforeAll(async () => {
    mail = await startMailWorker(app.api);
  });

  afterAll(async () => {
    await mail?.close();
  });

  it('a new account sees the banner, confirms through the mailed link, registers an organisation; an admin verifies it', async () => {
    const email = `nieuw-${randomBytes(4).toString('hex')}@test.subsidieportaal.be`;
    const legalName = `vzw Nieuwe Buren ${randomBytes(2).toString('hex')}`;
    const context = await app.browser.newContext();
    const adminContext = await app.browser.newContext();
    try {
      // 1. A person creates an account: logged in, with the banner on every page.
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/registreren`);
      await page.getByTestId('register-display-name').fill('Nora Nieuw');
      await page.getByTestId('register-email').fill(email);
      await page.getByTestId('register-password').fill('een zin als wachtwoord voor nora');
      await page.getByTestId('register-password-confirm').fill('een zin als wachtwoord voor nora');
      await page.getByTestId('register-submit').click();
      const banner = page.getByTestId('email-verification-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Bevestig je e-mailadres');
      expect(await banner.textContent()).toContain(email);
      await expectAccessible(page, 'a page with the e-mail confirmation banner');
      await page.screenshot({ path: screenshotPath('verified-identities-1-banner'), fullPage: true });

      // Registering an organisation is refused until then, with the reason.
      await page.goto(`${app.baseUrl}/aanvrager/organisatie/nieuw`);
      await fillOrganisation(page, legalName);
      await page.getByTestId('applicant-submit').click();
      const refused = page.getByTestId('register-error');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('Bevestig eerst je e-mailadres');

      // 2. "Send the mail again": a second link; the first no longer works.
      await page.getByTestId('email-verification-resend').click();
      await page.getByTestId('email-verification-resent').waitFor();
      const first = await tokenFromMail(mail.sink, email, '/e-mailadres-bevestigen/', 1);
      const second = await tokenFromMail(mail.sink, email, '/e-mailadres-bevestigen/', 2);
      await page.goto(`${app.baseUrl}/e-mailadres-bevestigen/${first}`);
      await page.getByTestId('email-verification-confirm').click();
      await page.getByTestId('email-verification-error').waitFor();

      // 3. The link from the latest mail confirms the address; the banner is gone.
      await page.goto(`${app.baseUrl}/e-mailadres-bevestigen/${second}`);
      await page.getByTestId('email-verification-confirm').waitFor();
      await expectAccessible(page, 'the page the confirmation link opens');
      await page.getByTestId('email-verification-confirm').click();
      await page.getByTestId('email-verified').waitFor();
      expect(await page.getByTestId('email-verification-banner').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('verified-identities-2-confirmed'), fullPage: true });
      const user = await app.api.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
      expect(user.emailVerifiedAt).not.toBeNull();

      // 4. Now the organisation can be registered; it shows as "to verify".
      await page.goto(`${app.baseUrl}/aanvrager/organisatie/nieuw`);
      await fillOrganisation(page, legalName);
      await page.getByTestId('applicant-submit').click();
      await page.waitForURL((url) => url.pathname === '/aanvrager');
      const card = page.getByTestId('applicant-card').filter({ hasText: legalName });
      expect(await card.getByTestId('applicant-verification').textContent()).toBe('Te verifiëren');
      const applicant = await app.api.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ legalName });
      expect(applicant.verificationStatus).toBe('to_verify');

      // 5. The admin verifies it on the admin page.
      const adminPage = await adminContext.newPage();
      await logInAs(adminPage, app.baseUrl, DEMO.admin);
      await adminPage.getByTestId('nav-admin-applicants').click();
      await adminPage.waitForURL((url) => url.pathname === '/administratie/aanvragers');
      const row = adminPage.locator(`[data-testid="verification-row"][data-applicant-id="${applicant.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(email);
      await expectAccessible(adminPage, 'the list of applicants to verify');
      // A rejection without a motivation is refused on the field.
      await row.getByTestId('verification-reject').click();
      await row.locator('[data-testid="verification-motivation"][aria-invalid="true"]').waitFor();
      await adminPage.screenshot({ path: screenshotPath('verified-identities-3-admin'), fullPage: true });
      await row.getByTestId('verification-verify').click();
      await row.waitFor({ state: 'detached' });
      await adminPage.getByTestId('verification-filter-verified').click();
      await adminPage.locator(`[data-testid="verification-row"][data-applicant-id="${applicant.id}"]`).waitFor();
      await adminPage.screenshot({ path: screenshotPath('verified-identities-4-verified'), fullPage: true });

      const stored = await app.api.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id: applicant.id });
      expect(stored.verificationStatus).toBe('verified');
      expect(
        await app.api.dataSource
          .getRepository(AuditEventEntity)
          .countBy({ action: 'applicant.verified', entityId: applicant.id }),
      ).toBe(1);
      await page.reload();
      await card.getByTestId('applicant-verification').filter({ hasText: 'Geverifieerd' }).waitFor();
    } finally {
      await adminContext.close();
      await context.close();
    }
  });
});

async function fillOrganisation(page: import('playwright-core').Page, legalName: string): Promise<void> {
  await page.getByTestId('applicant-kind-organisation').check();
  await page.getByTestId('applicant-legal-name').fill(legalName);
  await page.getByTestId('applicant-enterprise-number').fill(freshEnterpriseNumber());
  await page.getByTestId('policy-domain-Jeugd').check();
  await page.getByTestId('applicant-street').fill('Stationsstraat 10');
  await page.getByTestId('applicant-postal-code').fill('2000');
  await page.getByTestId('applicant-city').fill('Antwerpen');
  await page.getByTestId('applicant-iban').fill('BE68 5390 0754 7034');
  await page.getByTestId('applicant-contact-name').fill('Nora Nieuw');
  await page.getByTestId('applicant-contact-email').fill('nora@example.org');
}
