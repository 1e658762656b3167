import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { seedAssessedScaleCall, LEFT_OPEN, type ScaleCall } from '../support/assessed-scale-call';
import { launchChromium, logInAs } from '../support/browser';
import { DOSSIERS, PER_DOSSIER, REVIEWERS } from '../support/scale-fixture';
import { DEMO } from '../support/test-app';

/**
 * Issue #17 point 5: the assessment page of a call with 300 dossiers, and a reviewer's 75 assignments, page by page
 * (50 rows to start with, the page size to choose), while the budget line and the cumulative amounts stay those of
 * the whole ranking. The real API serves the built web app (`npm run build:web`).
 */
describe('the assessment lists of a 300-dossier call, page by page (Chromium)', () => {
  let scale: ScaleCall;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    scale = await seedAssessedScaleCall({ WEB_DIST: 'dist/web' });
    baseUrl = await scale.fixture.api.app.getUrl();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await scale?.fixture.api.close();
  });

  const texts = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));

  it('shows 50 of 300 rows per section, pages forward and back, and changes the page size', async () => {
    const page = await browser.newPage();
    try {
      await logInAs(page, baseUrl, DEMO.admin);
      await page.goto(`${baseUrl}/administratie/oproepen/${scale.callId}/beoordeling`);
      await page.getByTestId('ranking-row').first().waitFor();
      for (const list of ['admissibility', 'assignments', 'scores', 'ranking']) {
        expect(await page.getByTestId(`${list}-paging-range`).textContent()).toBe(`1–50 van ${DOSSIERS}`);
        expect(await page.getByTestId(`${list}-paging-prev`).isDisabled()).toBe(true);
      }
      expect(await page.getByTestId('admissibility-row').count()).toBe(50);
      expect(await page.getByTestId('assignment-dossier-row').count()).toBe(50);
      expect(await page.getByTestId('scores-row').count()).toBe(50);
      expect(await page.getByTestId('ranking-row').count()).toBe(50);
      // The summary and the load counts are over the whole call, not the page.
      expect(await page.getByTestId('admissibility-summary').textContent()).toContain(String(DOSSIERS));
      expect(await page.getByTestId('reviewer-load').textContent()).toContain(
        `(${(DOSSIERS * PER_DOSSIER) / REVIEWERS})`,
      );
      await expectAccessible(page, 'the assessment page of a 300-dossier call, first pages');

      // The ranking: ranks 1-50, then 51-100; the budget line falls on the second page and is named on the first.
      expect(await texts(page, '[data-testid="ranking-row"] td:first-child')).toEqual(
        Array.from({ length: 50 }, (_, i) => String(i + 1)),
      );
      const after = Number(/(\d+)/.exec((await page.getByTestId('budget-line-after').textContent()) ?? '')![1]);
      expect(after).toBeGreaterThan(50);
      expect(after).toBeLessThan(100);
      expect(await page.getByTestId('budget-line').count()).toBe(0);
      const lastCumulative = (await texts(page, '[data-testid="ranking-row"] td:nth-last-child(2)')).at(-1);
      await page.getByTestId('ranking-paging-next').click();
      expect(await page.getByTestId('ranking-paging-range').textContent()).toBe(`51–100 van ${DOSSIERS}`);
      expect(await texts(page, '[data-testid="ranking-row"] td:first-child')).toEqual(
        Array.from({ length: 50 }, (_, i) => String(i + 51)),
      );
      // The cumulative amount goes on from the first page (it is the whole ranking's, in euro cents growing).
      const cumulative = await texts(page, '[data-testid="ranking-row"] td:nth-last-child(2)');
      const cents = (text: string | undefined) => Number((text ?? '').replace(/[^\d]/g, ''));
      expect(cents(cumulative[0])).toBeGreaterThan(cents(lastCumulative));
      // The budget line row sits right before the row ranked after it.
      const line = page.getByTestId('budget-line');
      expect(await line.count()).toBe(1);
      expect(await line.evaluate((row) => row.nextElementSibling?.querySelector('td')?.textContent?.trim() ?? '')).toBe(
        String(after + 1),
      );
      await expectAccessible(page, 'the ranking, second page with the budget line');
      await page.getByTestId('ranking-paging-prev').click();
      expect(await page.getByTestId('ranking-paging-range').textContent()).toBe(`1–50 van ${DOSSIERS}`);

      // The admissibility list with 100 rows a page, to the last page; a filter goes back to the first page.
      await page.getByTestId('admissibility-paging-size').selectOption('100');
      expect(await page.getByTestId('admissibility-paging-range').textContent()).toBe(`1–100 van ${DOSSIERS}`);
      expect(await page.getByTestId('admissibility-row').count()).toBe(100);
      await page.getByTestId('admissibility-paging-next').click();
      await page.getByTestId('admissibility-paging-next').click();
      expect(await page.getByTestId('admissibility-paging-range').textContent()).toBe(`201–300 van ${DOSSIERS}`);
      expect(await page.getByTestId('admissibility-paging-next').isDisabled()).toBe(true);
      expect(await page.getByTestId('admissibility-row').first().getAttribute('data-reference')).toMatch(/-0201$/);
      // A search narrows the list to one row: it is shown (the list is back on its first and only page).
      const wanted = scale.fixture.ids.get(42)!.reference;
      await page.getByTestId('admissibility-search').fill(wanted);
      await page.locator(`[data-testid="admissibility-row"][data-reference="${wanted}"]`).waitFor();
      expect(await page.getByTestId('admissibility-row').count()).toBe(1);
      expect(await page.getByTestId('admissibility-paging-range').count()).toBe(0);
      await page.getByTestId('admissibility-search').fill('');
      expect(await page.getByTestId('admissibility-paging-range').textContent()).toBe(`1–100 van ${DOSSIERS}`);
      await expectAccessible(page, 'the admissibility list, filtered, 100 rows a page');
    } finally {
      await page.close();
    }
  }, 120_000);

  it("pages a reviewer's 75 assignments: 50 of those done, then the rest; the to-do list fits on one page", async () => {
    const page = await browser.newPage();
    try {
      await logInAs(page, baseUrl, DEMO.reviewer);
      const done = (DOSSIERS * PER_DOSSIER) / REVIEWERS - LEFT_OPEN;
      expect(await page.getByTestId('assignments-assigned').getByTestId('assignment-row').count()).toBe(LEFT_OPEN);
      expect(await page.getByTestId('assignments-assigned-paging-range').count()).toBe(0);
      const submitted = page.getByTestId('assignments-submitted');
      expect(await submitted.getByTestId('assignment-row').count()).toBe(50);
      expect(await page.getByTestId('assignments-submitted-paging-range').textContent()).toBe(`1–50 van ${done}`);
      await expectAccessible(page, "a reviewer's 75 assignments, first page");
      await page.getByTestId('assignments-submitted-paging-next').click();
      expect(await page.getByTestId('assignments-submitted-paging-range').textContent()).toBe(`51–${done} van ${done}`);
      expect(await submitted.getByTestId('assignment-row').count()).toBe(done - 50);
      expect(await page.getByTestId('assignments-submitted-paging-next').isDisabled()).toBe(true);
      await expectAccessible(page, "a reviewer's assignments, second page");
    } finally {
      await page.close();
    }
  }, 60_000);
});
