import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { createCall } from '../support/factories';
import { CRITERIA } from '../support/lifecycle';
import { DEMO } from '../support/test-app';

describe('a call says what it is about: the admin fills in its information, applicants read it on the call page', () => {
  const app = useBrowserApp();

  it('the editor saves objectives, contact and regulation; the call page shows them with the criteria and weights', async () => {
    const call = await createCall(app.api, { closesIn: '10 days', overrides: { criteria: CRITERIA } });
    const admin = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await logInAs(admin, app.baseUrl, DEMO.admin);
      await admin.goto(`${app.baseUrl}/administratie/oproepen/${call.id}`);
      await admin.locator('#call-field-information-objectives').fill('Kinderen verbinden met hun buurt.');
      await admin.locator('#call-field-information-contactName').fill('Team subsidies');
      await admin.locator('#call-field-information-contactEmail').fill('subsidies@example.org');
      await admin.locator('#call-field-information-regulationUrl').fill('http://example.org/besluit');
      await admin.getByTestId('call-save').click();
      // The https rule is checked next to the field before anything is sent.
      await admin.getByText('Vul een link in die begint met https://.').first().waitFor();
      await admin.locator('#call-field-information-regulationUrl').fill('https://example.org/besluit');
      await admin.getByTestId('call-save').click();
      await admin.locator('.alert--success').waitFor();
      await admin.screenshot({ path: screenshotPath('call-editor-information'), fullPage: true });
    } finally {
      await admin.close();
    }

    const visitor = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await visitor.goto(`${app.baseUrl}/oproepen/${call.id}`);
      await visitor.getByTestId('call-objectives').waitFor();
      expect(await visitor.getByTestId('call-objectives').textContent()).toBe('Kinderen verbinden met hun buurt.');
      const criteria = visitor.getByTestId('call-criteria');
      for (const criterion of call.criteria) {
        await criteria.getByRole('rowheader', { name: criterion.label }).waitFor();
      }
      expect(await visitor.getByTestId('call-contact').textContent()).toBe('Team subsidies');
      expect(await visitor.getByRole('link', { name: 'Lees het reglement van deze oproep' }).getAttribute('href')).toBe(
        'https://example.org/besluit',
      );
      await expectAccessible(visitor, 'the call page with its information');
      await visitor.screenshot({ path: screenshotPath('call-page-information-phone'), fullPage: true });
    } finally {
      await visitor.close();
    }
  });
});
