import type { Page } from 'playwright-core';
import type { DossierView, SubscriptionView } from '@portal/contracts';
import { expectAccessible } from '../support/axe';
import { eventually, logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { DEMO, session, type Session } from '../support/test-app';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** Drafts always save (issue #16, ADR 0018): nothing typed is lost by a reload, invalid values included. */
describe('drafts always save, in Chromium (real API serving the built web app)', () => {
  const app = useBrowserApp();
  let applicant: Session;

  beforeAll(async () => {
    applicant = await session(app.api, DEMO.applicant);
  });

  const read = async <T>(path: string): Promise<T> => (await applicant.agent.get(path).expect(200)).body as T;

  async function start(page: Page, callCode: string, path: RegExp): Promise<string> {
    await logInAs(page, app.baseUrl, DEMO.applicant);
    await page.getByTestId('nav-calls').click();
    await page.getByTestId(`call-link-${callCode}`).click();
    await page.getByTestId('call-deadline').waitFor();
    await page.getByTestId('start-dossier').click();
    await page.waitForURL(path);
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  /** The element is on screen (the sticky save status, wherever the person types). */
  async function inViewport(page: Page, testId: string): Promise<boolean> {
    const box = await page.getByTestId(testId).boundingBox();
    const viewport = page.viewportSize()!;
    return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
  }

  it('a subscription with an invalid own contribution and a reach above the maximum keeps every value after a reload', async () => {
    const page = await app.browser.newPage({ viewport: DESKTOP });
    try {
      const id = await start(page, 'PLAN-SAMENLEVEN-DEMO', /\/aanvrager\/intekeningen\/[0-9a-f-]{36}$/);
      // The own contribution sits at the bottom; the reach at the top makes it too low (EUR 65,000 Flemish).
      await page.getByTestId('own-contribution').fill('28.000');
      await page.getByTestId('reach-current-O4.A1.R1').fill('40');
      await page.getByTestId('reach-planned-O4.A1.R1').fill('100');
      await page.getByTestId('reach-planned-O4.A1.R2').fill('39'); // the row's maximum is 38
      // The save status is in view where the person types, not only at the bottom of the page.
      expect(await inViewport(page, 'subscription-save-bar')).toBe(true);
      await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('autosave-status').textContent()).toMatch(/^Bewaard om \d{2}:\d{2}:\d{2}$/);
      expect(await inViewport(page, 'subscription-save-bar')).toBe(true);
      // Next to the status, in view: how many points still stop the submission (a link to their list).
      expect(await page.getByTestId('subscription-issue-count').textContent()).toBe(
        'Bewaard als concept; 2 punten nog te verbeteren voor het indienen.',
      );

      const saved = await eventually(
        () => read<SubscriptionView>(`/api/v1/dossiers/${id}/subscription`),
        (view) => view.ownContributionCents === 2_800_000 && view.lines.length === 2,
      );
      expect(saved.lines).toEqual([
        { rowCode: 'O4.A1.R1', currentReach: 40, plannedExtraReach: 100 },
        { rowCode: 'O4.A1.R2', currentReach: 0, plannedExtraReach: 39 },
      ]);
      expect(saved.issues.map((issue) => `${issue.field}:${issue.code}`).sort()).toEqual([
        'lines.1.plannedExtraReach:ABOVE_MAX_UNITS',
        'ownContributionCents:OWN_CONTRIBUTION_TOO_LOW',
      ]);
      await page.screenshot({ path: screenshotPath('drafts-subscription-saved'), fullPage: false });

      await page.reload();
      await page.getByTestId('own-contribution').waitFor();
      expect(await page.getByTestId('reach-current-O4.A1.R1').inputValue()).toBe('40');
      expect(await page.getByTestId('reach-planned-O4.A1.R1').inputValue()).toBe('100');
      expect(await page.getByTestId('reach-planned-O4.A1.R2').inputValue()).toBe('39');
      expect(await page.getByTestId('own-contribution').inputValue()).toBe('28.000,00');
      // Each invalid field says what is wrong next to it.
      expect(await page.getByTestId('reach-error-O4.A1.R2').textContent()).toContain('hoogstens 38');
      expect(await page.getByTestId('own-contribution-error').textContent()).toMatch(/minstens .*65\.000,00/);
      await expectAccessible(page, 'a reloaded subscription draft with invalid fields');

      // A value that does not parse stays in the form, marked "not saved"; every other field still saves.
      await page.getByTestId('reach-current-O4.A1.R1').fill('4O');
      await page.getByTestId('reach-planned-O3.A2.R1').fill('150');
      await page.locator('[data-testid="autosave-status"][data-state="blocked"]').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('autosave-status').textContent()).toContain('niet bewaard');
      const row = page.getByTestId('reach-current-O4.A1.R1').locator('xpath=..');
      expect(await row.locator('.form-field__error').textContent()).toMatch(/geheel getal.*Niet bewaard/);
      const partly = await eventually(
        () => read<SubscriptionView>(`/api/v1/dossiers/${id}/subscription`),
        (view) => view.lines.some((line) => line.rowCode === 'O3.A2.R1'),
      );
      expect(partly.lines).toContainEqual({ rowCode: 'O3.A2.R1', currentReach: 0, plannedExtraReach: 150 });
      expect(partly.lines).toContainEqual({ rowCode: 'O4.A1.R1', currentReach: 40, plannedExtraReach: 100 });
      await page.screenshot({ path: screenshotPath('drafts-subscription-not-saved'), fullPage: false });

      const phone = await app.browser.newPage({ viewport: PHONE });
      try {
        await logInAs(phone, app.baseUrl, DEMO.applicant);
        await phone.goto(`${app.baseUrl}/aanvrager/intekeningen/${id}`);
        expect(await phone.getByTestId('own-contribution').inputValue()).toBe('28.000,00');
        await phone.getByTestId('reach-planned-O4.A1.R2').focus();
        expect(await inViewport(phone, 'subscription-save-bar')).toBe(true);
        await phone.screenshot({ path: screenshotPath('drafts-subscription-phone'), fullPage: false });
      } finally {
        await phone.close();
      }
    } finally {
      await page.close();
    }
  });

  it('a project dossier keeps an amount above the maximum, formatted, after a reload', async () => {
    const page = await app.browser.newPage({ viewport: DESKTOP });
    try {
      const id = await start(page, 'GV-CONNECT-DEMO', /\/aanvrager\/dossiers\/[0-9a-f-]{36}$/);
      await page.getByTestId('dossier-title').fill('Zomer in de buurt');
      await page.getByTestId('add-budget-line').click();
      await page.getByTestId('budget-description-0').fill('Begeleiding');
      await page.getByTestId('budget-amount-0').fill('28000');
      await page.getByTestId('requested-amount').fill('100.000,01'); // the call's maximum is EUR 100,000
      await page.locator('[data-testid="autosave-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
      const saved = await eventually(
        () => read<DossierView>(`/api/v1/dossiers/${id}`),
        (view) => view.requestedCents === 10_000_001 && view.budgetLines.length === 1,
      );
      expect(saved.budgetLines).toEqual([{ description: 'Begeleiding', amountCents: 2_800_000 }]);
      expect(saved.issues).toContainEqual(
        expect.objectContaining({ field: 'requestedCents', code: 'AMOUNT_ABOVE_CAP' }),
      );

      await page.reload();
      await page.getByTestId('dossier-title').waitFor();
      expect(await page.getByTestId('dossier-title').inputValue()).toBe('Zomer in de buurt');
      expect(await page.getByTestId('budget-amount-0').inputValue()).toBe('28.000,00');
      expect(await page.getByTestId('requested-amount').inputValue()).toBe('100.000,01');
      expect(await page.locator('#dossier-field-requested-error').textContent()).toMatch(
        /hoger dan het maximum van €\s100\.000,00/,
      );
      await page.getByTestId('requested-amount').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('drafts-dossier-reloaded'), fullPage: false });

      await page.setViewportSize(PHONE);
      await page.getByTestId('requested-amount').focus();
      expect(await inViewport(page, 'autosave-status')).toBe(true);
      await page.screenshot({ path: screenshotPath('drafts-dossier-phone'), fullPage: false });
    } finally {
      await page.close();
    }
  });
});
