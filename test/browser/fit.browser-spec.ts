import type { Page } from 'playwright-core';
import type { CallView } from '@portal/contracts';
import { CallEntity } from '@portal/server';
import { ASSESSMENT_DEMO_CALL, seedAssessmentDemo } from '../../apps/api/src/seed/demo-assessment';
import { expectAccessible } from '../support/axe';
import { logInAs, screenshotPath, useBrowserApp } from '../support/browser';
import { closeCallOnTime, completeDossier, createCall, createUser, organisationInput } from '../support/factories';
import { DEMO, session } from '../support/test-app';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const DOSSIER_CALL = 'GV-CONNECT-DEMO';
const CATALOGUE_CALL = 'PLAN-SAMENLEVEN-DEMO';

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The focused element's box and the sticky bar's box (viewport coordinates), read in the page. */
async function focusAndBar(page: Page): Promise<{ focused: Box & { name: string }; bar: Box | null } | null> {
  return page.evaluate(() => {
    // Runs in the page: the test's TypeScript has no DOM types, hence the shapes spelled out here.
    type Rect = { top: number; bottom: number; left: number; right: number };
    type El = {
      getBoundingClientRect(): Rect;
      closest(selector: string): El | null;
      tagName: string;
      id: string;
      getAttribute(name: string): string | null;
    };
    const { document } = globalThis as unknown as {
      document: { activeElement: El | null; body: El; querySelector(selector: string): El | null };
    };
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const box = (rect: Rect) => ({ top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right });
    const bar = document.querySelector('.dossier-actions');
    // An element inside the bar is never hidden by it.
    const barBox = bar && !active.closest('.dossier-actions') ? box(bar.getBoundingClientRect()) : null;
    const name = `${active.tagName.toLowerCase()}#${active.id}[${active.getAttribute('data-testid') ?? ''}]`;
    return { focused: { ...box(active.getBoundingClientRect()), name }, bar: barBox };
  });
}

/** How many pixels the page sticks out to the right of the viewport (0 when it fits). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    };
    return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);
  });
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('pages that fit a desktop and a phone (Chromium, 1366x768 and 390x844)', () => {
  const app = useBrowserApp();

  const openPage = async (viewport: { width: number; height: number }, email: string): Promise<Page> => {
    const context = await app.browser.newContext({ viewport, locale: 'nl-BE' });
    const page = await context.newPage();
    await logInAs(page, app.baseUrl, email);
    return page;
  };

  it('the sticky submit bar never covers the focused field while tabbing through the whole dossier form on a phone', async () => {
    const page = await openPage(PHONE, DEMO.applicant);
    try {
      const calls = (await app.api.http.get('/api/v1/calls').expect(200)).body as CallView[];
      const call = calls.find((candidate) => candidate.code === DOSSIER_CALL)!;
      await page.goto(`${app.baseUrl}/oproepen/${call.id}`);
      await page.getByTestId('start-dossier').click();
      await page.waitForURL(/\/aanvrager\/dossiers\/[0-9a-f-]{36}$/);
      await page.getByTestId('dossier-title').waitFor();
      // Three cost lines: more fields near the bottom of the form, where the bar sits.
      for (let line = 0; line < 3; line += 1) await page.getByTestId('add-budget-line').click();
      await page.getByTestId('budget-description-2').waitFor();
      await page.getByTestId('dossier-title').focus();

      const seen: string[] = [];
      let reachedBar = false;
      for (let step = 0; step < 80 && !reachedBar; step += 1) {
        const state = await focusAndBar(page);
        if (state) {
          seen.push(state.focused.name);
          if (state.bar) {
            expect({ focused: state.focused.name, hidden: intersects(state.focused, state.bar) }).toEqual({
              focused: state.focused.name,
              hidden: false,
            });
          } else {
            reachedBar = true;
          }
        }
        await page.keyboard.press('Tab');
      }
      // The walk went through the form's fields down to the bar's own controls.
      expect(reachedBar).toBe(true);
      expect(seen.length).toBeGreaterThan(20);
      expect(seen.some((name) => name.includes('requested-amount'))).toBe(true);
      await page.screenshot({ path: screenshotPath('fit-dossier-phone') });
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('the catalogue tables stack on a phone with every input reachable, and use the width of a desktop', async () => {
    const phone = await openPage(PHONE, DEMO.applicant);
    try {
      const calls = (await app.api.http.get('/api/v1/calls').expect(200)).body as CallView[];
      const call = calls.find((candidate) => candidate.code === CATALOGUE_CALL)!;
      await phone.goto(`${app.baseUrl}/oproepen/${call.id}`);
      await phone.getByTestId('start-dossier').click();
      await phone.waitForURL(/\/aanvrager\/intekeningen\/[0-9a-f-]{36}$/);
      const subscriptionUrl = phone.url();
      await phone.locator('.subscription__action').first().waitFor();
      const actions = phone.locator('.subscription__action');
      let checked = 0;
      for (let index = 0; index < 4; index += 1) {
        const inputs = actions.nth(index).locator('input');
        for (let i = 0; i < (await inputs.count()); i += 1) {
          const input = inputs.nth(i);
          await input.scrollIntoViewIfNeeded();
          const box = (await input.boundingBox())!;
          expect({
            input: i,
            left: box.x >= 0,
            right: box.x + box.width <= PHONE.width,
            usable: box.width >= 100,
          }).toEqual({ input: i, left: true, right: true, usable: true });
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(8);
      // Typing works where the input is: the contribution follows.
      const first = actions.first().locator('input').nth(1);
      await first.fill('3');
      // Nothing of the page sticks out to the right.
      await expect(horizontalOverflow(phone)).resolves.toBe(0);
      await actions.first().scrollIntoViewIfNeeded();
      await phone.screenshot({ path: screenshotPath('fit-catalogue-phone') });
      await expectAccessible(phone, 'a subscription on a phone');

      const desktop = await phone.context().browser()!.newContext({ viewport: DESKTOP, locale: 'nl-BE' });
      const wide = await desktop.newPage();
      try {
        await logInAs(wide, app.baseUrl, DEMO.applicant);
        await wide.goto(subscriptionUrl);
        await wide.locator('.subscription__action').first().waitFor();
        // Every table fits its box: no column (such as "Vlaamse bijdrage") scrolled out of sight.
        const scrolling = await wide
          .locator('.subscription__action .table-scroll')
          .evaluateAll(
            (boxes) =>
              boxes
                .map((box) => box as unknown as { scrollWidth: number; clientWidth: number })
                .filter((box) => box.scrollWidth > box.clientWidth).length,
          );
        expect(scrolling).toBe(0);
        const header = wide.locator('.subscription__action').first().locator('th', { hasText: 'Vlaamse bijdrage' });
        const headerBox = (await header.boundingBox())!;
        expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(DESKTOP.width);
        await wide.locator('.subscription__action').first().scrollIntoViewIfNeeded();
        await wide.screenshot({ path: screenshotPath('fit-catalogue-desktop') });
      } finally {
        await desktop.close();
      }
    } finally {
      await phone.context().close();
    }
  }, 90_000);

  it('a dossier after the deadline is a clean summary, and its receipt is one column on a phone', async () => {
    const call = await createCall(app.api);
    const email = await createUser(app.api);
    const owner = await session(app.api, email);
    const registered = await owner.agent.post('/api/v1/applicants').send(organisationInput()).expect(201);
    const { id } = await completeDossier(app.api, { ...owner, applicantId: registered.body.id as string }, call.id);
    await owner.agent.post(`/api/v1/dossiers/${id}/submit`).send({ declaration: true }).expect(200);
    await closeCallOnTime(app.api, call.id);

    const page = await openPage(PHONE, email);
    try {
      await page.goto(`${app.baseUrl}/aanvrager/dossiers/${id}`);
      const summary = page.getByTestId('dossier-summary');
      await summary.waitFor();
      await page.getByTestId('dossier-read-only').waitFor();
      // No form: no inputs at all (so none greyed out) and no "(verplicht)" markers.
      await expect(page.locator('main input, main textarea, main select').count()).resolves.toBe(0);
      await expect(page.locator(':disabled').count()).resolves.toBe(0);
      await expect(page.locator('main').textContent()).resolves.not.toContain('verplicht');
      const text = (await summary.textContent()) ?? '';
      expect(text).toContain('Zomer in de buurt');
      expect(text).toContain('Jongeren in maatschappelijk kwetsbare situaties uit drie wijken.');
      expect(text).toContain('1 mei 2027');
      expect(text).toContain('begroting.pdf');
      await expect(page.getByTestId('dossier-summary-total').textContent()).resolves.toContain('80.000,00');
      await expect(page.getByTestId('dossier-summary-requested').textContent()).resolves.toContain('70.000,00');
      // The header holds the person's long e-mail address without widening the page.
      await expect(horizontalOverflow(page)).resolves.toBe(0);
      await expectAccessible(page, 'a read-only dossier');
      await page.screenshot({ path: screenshotPath('fit-read-only-dossier-phone'), fullPage: true });

      await page.getByTestId('receipt-link').click();
      await page.getByTestId('receipt-reference').waitFor();
      // Each fact's label sits above its value: one column.
      const columns = await page.locator('.receipt__facts > div').evaluateAll((rows) =>
        rows.map((row) => {
          const [label, value] = Array.from(
            (row as unknown as { children: ArrayLike<{ getBoundingClientRect(): { left: number; top: number } }> })
              .children,
          ).map((child) => child.getBoundingClientRect());
          return { sameLeft: Math.abs(label.left - value.left) < 1, below: value.top > label.top };
        }),
      );
      expect(columns.length).toBeGreaterThan(2);
      expect(columns.every((row) => row.sameLeft && row.below)).toBe(true);
      await expect(horizontalOverflow(page)).resolves.toBe(0);
      await expectAccessible(page, 'the receipt on a phone');
      await page.screenshot({ path: screenshotPath('fit-receipt-phone'), fullPage: true });
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('a subscription after the deadline is a summary too, not 27 tables of locked inputs', async () => {
    const calls = (await app.api.http.get('/api/v1/calls').expect(200)).body as CallView[];
    const call = calls.find((candidate) => candidate.code === CATALOGUE_CALL)!;
    const page = await openPage(PHONE, DEMO.applicant);
    try {
      await page.goto(`${app.baseUrl}/oproepen/${call.id}`);
      await page.getByTestId('start-dossier').click();
      await page.waitForURL(/\/aanvrager\/intekeningen\/[0-9a-f-]{36}$/);
      await page.getByTestId('reach-current-O4.A1.R1').fill('40');
      const saved = page.waitForResponse(
        (response) =>
          response.request().method() === 'PUT' &&
          response.url().endsWith('/subscription') &&
          response.status() === 200,
      );
      await page.getByTestId('reach-planned-O4.A1.R1').fill('10');
      await saved;
      await closeCallOnTime(app.api, call.id);
      await page.reload();
      const summary = page.getByTestId('check-summary');
      await summary.waitFor();
      await expect(page.locator('main input, main textarea, main select').count()).resolves.toBe(0);
      await expect(page.getByTestId('check-row-O4.A1.R1').textContent()).resolves.toContain('10');
      await expect(horizontalOverflow(page)).resolves.toBe(0);
      await expectAccessible(page, 'a read-only subscription');
      await page.screenshot({ path: screenshotPath('fit-read-only-subscription-phone'), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  it.each([
    [DEMO.applicant, '/aanvrager'],
    [DEMO.reviewer, '/beoordeling'],
  ])('%s reads their list on a phone as cards, without scrolling sideways', async (email, path) => {
    // Something in each list: the assessment demo (the reviewer's open reviews) and a draft of the applicant's.
    if (!(await app.api.dataSource.getRepository(CallEntity).countBy({ code: ASSESSMENT_DEMO_CALL })))
      await seedAssessmentDemo(app.api.app);
    if (path === '/aanvrager') {
      const calls = (await app.api.http.get('/api/v1/calls').expect(200)).body as CallView[];
      const call = calls.find((candidate) => candidate.code === DOSSIER_CALL)!;
      const applicant = await session(app.api, email);
      const [applicantId] = (
        (await applicant.agent.get('/api/v1/applicants/mine').expect(200)).body as Array<{
          id: string;
        }>
      ).map((a) => a.id);
      await applicant.agent.post(`/api/v1/calls/${call.id}/dossiers`).send({ applicantId });
    }
    const page = await openPage(PHONE, email);
    try {
      await page.goto(`${app.baseUrl}${path}`);
      const table = page.locator('.data-table--stack').first();
      await table.waitFor();
      const loading = page.locator('.loading');
      while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached' });
      // Neither the page nor the table's own scroll box is wider than the screen.
      await expect(horizontalOverflow(page)).resolves.toBe(0);
      const scroll = await page
        .locator('.table-scroll')
        .evaluateAll((boxes) =>
          boxes.map(
            (box) =>
              (box as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth -
              (box as unknown as { clientWidth: number }).clientWidth,
          ),
        );
      expect(scroll.every((extra) => extra <= 1)).toBe(true);
      await expectAccessible(page, `${path} on a phone`);
      await page.screenshot({ path: screenshotPath(`fit-list${path.replace('/', '-')}-phone`), fullPage: true });
    } finally {
      await page.context().close();
    }
  });
});
