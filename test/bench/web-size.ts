/**
 * Web: the JavaScript the dossier form (/aanvrager/dossiers/:id) loads, and the time until that form is usable in
 * Chromium; then the assessment pages at the scale of a 300-dossier call (test/bench/support/assessment-pages.ts).
 * Builds the web app with the project's Vite configuration into a temporary folder (so that a build
 * another process is serving from dist/web is not replaced underneath it), serves it from the real API, and opens
 * the page as a logged-in applicant. See docs/benchmarks.md.
 *
 *   node -r ./test/bench/support/register.cjs test/bench/web-size.ts [--dist dist/web] [--runs 5]
 *     [--part all|form|assessment]
 */
import { type CallView } from '@portal/contracts';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { seedAssessedScaleCall } from '../support/assessed-scale-call';
import { explainQueries, measureAssessmentPages, timeEndpoints } from './support/assessment-pages';
import { DEMO, DEMO_PASSWORD, session, startApi } from '../support/test-app';
import { flag, intFlag, percentile, printLoad, runBench, sortedCopy, table } from './support/bench-run';

const RUNS = intFlag('runs', 5);
const PART = flag('part', 'all');
const TARGET_GZIP_BYTES = 250 * 1000;
const root = resolve(__dirname, '..', '..');

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

async function build(outDir: string): Promise<number> {
  const started = Date.now();
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'apps/web/vite.config.mts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  return Date.now() - started;
}

interface FieldLike {
  disabled: boolean;
  offsetParent: unknown;
  closest(selector: string): unknown;
}

/**
 * Runs in the page: the form is usable when its title field is shown and neither it nor its fieldset is disabled;
 * answers the page's clock (milliseconds since the navigation started) at that moment, 0 before.
 */
function usableAt(): number {
  const { document } = globalThis as unknown as { document: { querySelector(selector: string): FieldLike | null } };
  const field = document.querySelector('[data-testid="dossier-title"]');
  return field && field.offsetParent !== null && !field.disabled && !field.closest('fieldset:disabled')
    ? performance.now()
    : 0;
}

interface PageLoad {
  /** From navigation start until the title field of the form is visible and enabled, in ms. */
  usableMs: number;
  /** Every JavaScript file the page fetched: path -> bytes on the wire (the API does not compress). */
  scripts: Map<string, number>;
}

async function openForm(browser: Browser, baseUrl: string, storageState: string, dossierId: string): Promise<PageLoad> {
  const context = await browser.newContext({ storageState: JSON.parse(storageState) as never });
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js') || response.request().resourceType() === 'script') {
      void response.body().then(
        (body) => scripts.set(url.pathname, body.length),
        () => undefined,
      );
    }
  });
  try {
    await page.goto(`${baseUrl}/aanvrager/dossiers/${dossierId}`);
    // Polled at every animation frame in the page; answers the page's own clock at the first frame it holds.
    const ready = await page.waitForFunction(usableAt, undefined, { timeout: 60_000, polling: 'raf' });
    const usableMs = await ready.jsonValue();
    await page.waitForLoadState('networkidle');
    return { usableMs, scripts };
  } finally {
    await context.close();
  }
}

void runBench('web: JavaScript of the dossier form and time until it and the assessment pages are usable', async () => {
  let dist = flag('dist', '');
  let buildDir: string | undefined;
  if (!dist) {
    buildDir = mkdtempSync(join(tmpdir(), 'portal-web-bench-'));
    const ms = await build(buildDir);
    console.log(
      `build       vite build (apps/web/vite.config.mts) into a temporary folder in ${(ms / 1000).toFixed(1)} s`,
    );
    dist = buildDir;
  } else {
    dist = resolve(root, dist);
    console.log(`build       measuring the existing build in ${dist}`);
  }
  try {
    if (PART !== 'assessment') await measureForm(dist);
    if (PART !== 'form') await measureAssessment(dist);
    printLoad('load avg');
  } finally {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  }
});

async function measureAssessment(dist: string): Promise<void> {
  const scale = await seedAssessedScaleCall({ WEB_DIST: dist, LOG_LEVEL: 'warn' });
  const browser = await launchChromium();
  try {
    await measureAssessmentPages(browser, await scale.fixture.api.app.getUrl(), scale, RUNS);
    await timeEndpoints(scale, RUNS);
    await explainQueries(scale);
  } finally {
    await browser.close();
    await scale.fixture.api.close();
  }
}

async function measureForm(dist: string): Promise<void> {
  const api = await startApi({ seed: true, overrides: { WEB_DIST: dist, LOG_LEVEL: 'warn' } });
  let browser: Browser | undefined;
  try {
    const baseUrl = await api.app.getUrl();
    // The demo applicant's dossier on the open demo call, started through the API.
    const applicant = await session(api, DEMO.applicant);
    const calls = (await applicant.agent.get('/api/v1/calls').expect(200)).body as CallView[];
    const call = calls.find((candidate) => candidate.code === 'GV-CONNECT-DEMO');
    if (!call) throw new Error('the demo call GV-CONNECT-DEMO is not seeded');
    const mine = (await applicant.agent.get('/api/v1/applicants/mine').expect(200)).body as Array<{ id: string }>;
    const started = await applicant.agent.post(`/api/v1/calls/${call.id}/dossiers`).send({ applicantId: mine[0].id });
    if (started.status !== 201 && started.status !== 200) throw new Error(`start dossier: ${started.status}`);
    const dossierId = started.body.id as string;

    browser = await launchChromium();
    // Log in once through the login page; every measured load starts from a fresh context with that session only.
    const loginContext = await browser.newContext();
    const loginPage = await loginContext.newPage();
    await loginPage.goto(`${baseUrl}/login`);
    await loginPage.getByTestId('login-email').fill(DEMO.applicant);
    await loginPage.getByTestId('login-password').fill(DEMO_PASSWORD);
    await loginPage.getByTestId('login-submit').click();
    await loginPage.getByTestId('role-home').waitFor();
    const storageState = JSON.stringify(await loginContext.storageState());
    await loginContext.close();

    const loads: PageLoad[] = [];
    for (let run = 0; run < RUNS + 1; run++) loads.push(await openForm(browser, baseUrl, storageState, dossierId));
    const measured = loads.slice(1); // the first load warms the API and the disk cache, not the browser (new context)

    const scripts = measured[0].scripts;
    const rows = [['JavaScript loaded by /aanvrager/dossiers/:id', 'raw', 'gzip -6']];
    let raw = 0;
    let gzip = 0;
    for (const path of [...scripts.keys()].sort()) {
      const body = readFileSync(join(dist, path));
      const zipped = gzipSync(body, { level: 6 }).length;
      raw += body.length;
      gzip += zipped;
      rows.push([path, kB(body.length), kB(zipped)]);
    }
    rows.push(['total', kB(raw), kB(gzip)]);
    console.log(`\n${table(rows)}`);
    const usable = sortedCopy(measured.map((load) => load.usableMs));
    console.log(
      `\nform usable (title field visible and enabled) after ${percentile(usable, 50).toFixed(0)} ms median ` +
        `(min ${usable[0].toFixed(0)}, max ${usable[usable.length - 1].toFixed(0)}) over ${RUNS} cold loads ` +
        `(new browser context, empty cache, API on loopback, no CPU or network throttling)`,
    );
    console.log(
      `target      <= 250 kB gzip: ${gzip <= TARGET_GZIP_BYTES ? 'met' : 'NOT met'} (${kB(gzip)}; ` +
        `the API serves the files uncompressed: ${kB(raw)} on the wire)`,
    );
  } finally {
    await browser?.close();
    await api.close();
  }
}
