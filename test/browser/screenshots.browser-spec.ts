import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CallEntity } from '@portal/server';
import { ASSESSMENT_DEMO_CALL, CABINET_DEMO_CALL, seedAssessmentDemo } from '../../apps/api/src/seed/demo-assessment';
import { expectAccessible } from '../support/axe';
import { logInAs, useBrowserApp } from '../support/browser';
import { DEMO } from '../support/test-app';

/**
 * The main views of each role, at a desktop's and a phone's size, as people see them with the demo data. A normal
 * browser run writes them to test-results/screenshots/views (ignored by git); `npm run screenshots` sets
 * SCREENSHOTS_DIR=docs/screenshots to refresh the committed ones. Every view is checked with axe-core on the way.
 */
const OUT_DIR = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots/views';

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

interface View {
  /** File name stem: `<role>-<view>`. */
  name: string;
  label: string;
  /** Goes to the view and waits until it shows its content. */
  open: (page: Page) => Promise<void>;
  /** What the picture shows at its top, when not the top of the page (CSS selector). */
  show?: string;
}

describe('screenshots of the main views of each role (Chromium, 1366x768 and 390x844)', () => {
  const app = useBrowserApp();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await seedAssessmentDemo(app.api.app);
    const calls = await app.api.dataSource.getRepository(CallEntity).find();
    for (const call of calls) ids[call.code] = call.id;
    mkdirSync(OUT_DIR, { recursive: true });
  });

  async function settle(page: Page, ready: string): Promise<void> {
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').waitFor({ state: 'detached' });
  }

  const visit =
    (path: string, ready = 'h1') =>
    async (page: Page) => {
      await page.goto(`${app.baseUrl}${path}`);
      await settle(page, ready);
    };

  /** Opens the applicant's dossier (or subscription) of a call from the call page, starting it if needed. */
  const startFrom = (code: string, ready: string) => async (page: Page) => {
    await page.goto(`${app.baseUrl}/oproepen/${ids[code]}`);
    await page.getByTestId('start-dossier').click();
    await page.waitForURL(/\/aanvrager\/(dossiers|intekeningen)\/[0-9a-f-]{36}$/);
    await settle(page, ready);
  };

  async function shoot(browser: Browser, email: string, views: View[]): Promise<void> {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size.viewport, locale: 'nl-BE' });
      const page = await context.newPage();
      try {
        await logInAs(page, app.baseUrl, email);
        for (const view of views) {
          await view.open(page);
          if (view.show) {
            await page
              .locator(view.show)
              .first()
              .evaluate((element) =>
                (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }),
              );
          } else {
            await page.evaluate(() =>
              (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
            );
          }
          await page.screenshot({ path: join(OUT_DIR, `${view.name}-${size.name}.png`) });
          await expectAccessible(page, `${view.label} (${size.name})`);
        }
      } finally {
        await context.close();
      }
    }
  }

  it('applicant: open calls, a call, a dossier, a Plan Samenleven subscription and the list of dossiers', async () => {
    await shoot(app.browser, DEMO.applicant, [
      { name: 'applicant-calls', label: 'the list of open calls', open: visit('/oproepen') },
      {
        name: 'applicant-call',
        label: 'a call page',
        open: visit(`/oproepen/${ids['GV-CONNECT-DEMO']}`, '[data-testid="call-deadline"]'),
      },
      {
        name: 'applicant-dossier',
        label: 'a dossier',
        open: startFrom('GV-CONNECT-DEMO', '[data-testid="dossier-title"]'),
      },
      {
        name: 'applicant-subscription',
        label: 'a subscription',
        open: startFrom('PLAN-SAMENLEVEN-DEMO', '.subscription__action'),
        show: '#objective-O1',
      },
      // Last, so that "Mijn dossiers" lists the dossier and the subscription started above.
      { name: 'applicant-home', label: 'the applicant home', open: visit('/aanvrager', '[data-testid="role-home"]') },
    ]);
  }, 180_000);

  it('applicant after the deadline: the submitted dossier as a summary and its receipt', async () => {
    // contact01 is one of the organisations the assessment demo submitted for; its dossiers are closed.
    const firstDossier = async (page: Page) => {
      await visit('/aanvrager', '[data-testid="dossier-table"]')(page);
      await page.locator('[data-testid^="dossier-link-"]').first().click();
      await settle(page, '[data-testid="dossier-summary"]');
    };
    const receipt = async (page: Page) => {
      await firstDossier(page);
      await page.getByTestId('receipt-link').click();
      await settle(page, '[data-testid="receipt-reference"]');
    };
    await shoot(app.browser, 'contact01@demo.subsidieportaal.be', [
      {
        name: 'applicant-submitted-dossier',
        label: 'a submitted dossier after the deadline',
        open: firstDossier,
        show: '[data-testid="dossier-summary"]',
      },
      { name: 'applicant-receipt', label: 'a receipt', open: receipt },
    ]);
  }, 180_000);

  it('admin: calls, the call editor, an assessment and the audit log', async () => {
    await shoot(app.browser, DEMO.admin, [
      { name: 'admin-home', label: 'the admin home', open: visit('/administratie', '[data-testid="role-home"]') },
      {
        name: 'admin-call-editor',
        label: 'the call editor',
        open: visit(`/administratie/oproepen/${ids['GV-CONNECT-DEMO']}`, 'form'),
      },
      {
        name: 'admin-assessment',
        label: 'an assessment',
        open: visit(`/administratie/oproepen/${ids[ASSESSMENT_DEMO_CALL]}/beoordeling`, '[data-testid="phase-banner"]'),
      },
      { name: 'admin-audit', label: 'the audit log', open: visit('/administratie/audit', 'table') },
    ]);
  }, 180_000);

  it('reviewer: the assignments and a dossier to score', async () => {
    const firstAssignment = async (page: Page) => {
      await visit('/beoordeling', '[data-testid="assignment-row"]')(page);
      await page.locator('[data-testid^="assignment-link-"]').first().click();
      await settle(page, 'h1');
    };
    await shoot(app.browser, DEMO.reviewer, [
      {
        name: 'reviewer-home',
        label: 'the reviewer home',
        open: visit('/beoordeling', '[data-testid="assignment-row"]'),
      },
      { name: 'reviewer-review', label: 'a dossier to score', open: firstAssignment },
    ]);
  }, 180_000);

  it('minister: the proposals and a proposal to approve', async () => {
    await shoot(app.browser, DEMO.minister, [
      {
        name: 'minister-home',
        label: 'the minister home',
        open: visit('/kabinet', '[data-testid="proposal-summary"]'),
      },
      {
        name: 'minister-proposal',
        label: 'a proposal to approve',
        open: visit(`/kabinet/oproepen/${ids[CABINET_DEMO_CALL]}`, 'table'),
      },
    ]);
  }, 180_000);
});
