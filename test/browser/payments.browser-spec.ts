import type { Page } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp, screenshotPath } from '../support/browser';
import { createUser } from '../support/factories';
import { assessedCall, approve, sendProposal, type BuiltDossier } from '../support/lifecycle';
import { DEMO, session } from '../support/test-app';

describe('after the decision: the organisation accepts, two admins pay the advance (Chromium)', () => {
  const app = useBrowserApp();
  let callId: string;
  let dossier: BuiltDossier;
  let ownerEmail: string;
  const admins: string[] = [];

  beforeAll(async () => {
    const adminApi = await session(app.api, DEMO.admin);
    const built = await assessedCall(app.api, adminApi, [28_000], [5], 10_000_000);
    callId = built.callId;
    dossier = built.dossiers[0];
    await sendProposal(adminApi, callId);
    await approve(await session(app.api, DEMO.minister), callId).expect(200);
    [{ email: ownerEmail }] = await app.api.dataSource.query<Array<{ email: string }>>(
      'SELECT u.email FROM users u JOIN dossiers d ON d.created_by = u.id WHERE d.id = $1',
      [dossier.id],
    );
    admins.push(await createUser(app.api, ['admin']), await createUser(app.api, ['admin']));
  });

  async function logIn(email: string): Promise<Page> {
    const context = await app.browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    await logInAs(page, app.baseUrl, email);
    return page;
  }

  it('the organisation accepts the award after checking the conditions', async () => {
    const page = await logIn(ownerEmail);
    await page.goto(`${app.baseUrl}/aanvrager/dossiers/${dossier.id}`);
    const panel = page.getByTestId('acceptance-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-status')).resolves.toBe('pending');
    await expect(page.getByTestId('acceptance-iban').inputValue()).resolves.toMatch(/^BE68/);
    await expectAccessible(page, 'the award to accept');
    await page.screenshot({ path: screenshotPath('payments-1'), fullPage: true });
    await page.getByTestId('acceptance-next').click();
    await page.getByTestId('acceptance-check').waitFor();
    await expect(page.getByTestId('acceptance-conditions').textContent()).resolves.toMatch(/eindrapport/);
    await expectAccessible(page, 'the check step with the conditions');
    await page.screenshot({ path: screenshotPath('payments-2'), fullPage: true });
    await page.getByTestId('acceptance-confirm').click();
    await page.getByTestId('acceptance-done').waitFor();
    await expect(panel.getAttribute('data-status')).resolves.toBe('accepted');
    await expect(page.locator('[data-testid="acceptance-tranches"] tr[data-state="due"]').count()).resolves.toBe(1);
  });

  it('one admin compiles the batch, another approves it and marks it paid', async () => {
    const first = await logIn(admins[0]);
    await first.goto(`${app.baseUrl}/administratie/oproepen/${callId}/beoordeling`);
    await first.getByTestId('payments-section').waitFor();
    await first.getByTestId('batch-create').click();
    const batch = first.getByTestId('batch').first();
    await batch.waitFor();
    await expect(batch.getAttribute('data-status')).resolves.toBe('open');
    await expect(batch.textContent()).resolves.toMatch(/22\.400,00/);
    // Four eyes: whoever compiled it cannot approve it.
    await expect(first.getByTestId('batch-approve').isDisabled()).resolves.toBe(true);
    await expectAccessible(first, 'payments with an open batch');
    await first.screenshot({ path: screenshotPath('payments-3'), fullPage: true });

    const second = await logIn(admins[1]);
    await second.goto(`${app.baseUrl}/administratie/oproepen/${callId}/beoordeling`);
    await second.getByTestId('batch-approve').click();
    await second.locator('[data-testid="batch"][data-status="approved"]').waitFor();
    await second.getByTestId('batch-sepa').waitFor();
    await expectAccessible(second, 'payments with an approved batch');
    await second.screenshot({ path: screenshotPath('payments-4'), fullPage: true });
    await second.getByTestId('batch-paid').click();
    await second.locator('[data-testid="batch"][data-status="paid"]').waitFor();
    await expect(second.getByTestId('acceptance-overview').textContent()).resolves.toMatch(/22\.400,00/);
  });
});
