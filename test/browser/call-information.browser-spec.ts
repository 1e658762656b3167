import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { createCall } from '../support/factories';
import { CRITERIA } from '../support/lifecycle';
import { CallEntity } from '@portal/server';
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

  it('a new call: question codes made from their labels, a criterion on 0-5, publishing confirmed first and reported', async () => {
    const admin = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const code = `GV-NIEUW-${Date.now().toString(36).toUpperCase()}`;
    try {
      await logInAs(admin, app.baseUrl, DEMO.admin);
      await admin.goto(`${app.baseUrl}/administratie/oproepen/nieuw`);
      await admin.getByTestId('call-code').fill(code);
      await admin.getByTestId('call-title').fill('Gedeeld en betrokken ouderschap');
      await admin.getByTestId('call-opens-at').fill('2026-01-05T09:00');
      await admin.getByTestId('call-closes-at').fill('2099-10-25T23:59');
      await admin.getByTestId('call-max-requested').fill('50.000,00');
      await admin.getByTestId('call-budget').fill('250.000,00');
      await admin.getByTestId('call-project-start').fill('2099-11-01');
      await admin.getByTestId('call-project-end').fill('2100-12-31');
      await admin.getByTestId('add-call-question').click();
      await admin.getByTestId('call-question-label-0').fill('Wie bereikt het project?');
      await admin.getByRole('button', { name: 'Criterium toevoegen' }).click();
      await admin.locator('#call-field-criteria-0-label').fill('Relevantie voor de doelgroep');
      expect(await admin.locator('#call-field-criteria-0-scaleMax').inputValue()).toBe('5');

      await admin.getByTestId('call-publish').click();
      const confirm = admin.getByTestId('publish-confirm');
      await confirm.waitFor();
      await expectAccessible(admin, 'the call editor asking to confirm publication');
      await admin.screenshot({ path: screenshotPath('call-editor-publish-confirm'), fullPage: false });
      await admin.getByTestId('call-publish-cancel').click();
      await confirm.waitFor({ state: 'detached' });
      const calls = app.api.dataSource.getRepository(CallEntity);
      expect(await calls.countBy({ code })).toBe(0);

      await admin.getByTestId('call-publish').click();
      await admin.getByTestId('call-publish-confirm').click();
      await admin.getByText('De oproep is gepubliceerd.').waitFor();
      await admin.screenshot({ path: screenshotPath('call-editor-published'), fullPage: false });
      const stored = await calls.findOneByOrFail({ code });
      expect(stored.status).toBe('published');
      expect(stored.questions.map((q) => q.code)).toEqual(['WIE-BEREIKT-HET-PROJECT']);
      expect(stored.criteria.map((c) => [c.code, c.scaleMin, c.scaleMax])).toEqual([
        ['RELEVANTIE-VOOR-DE-DOELGROEP', 0, 5],
      ]);
    } finally {
      await admin.close();
    }
  });
});
