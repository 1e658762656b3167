import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startApi, type TestApi } from './test-app';

/** Debian's Chromium, never a downloaded browser (see TOOLCHAIN.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserApp {
  api: TestApi;
  browser: Browser;
  /** Where the API serves the built web app. */
  baseUrl: string;
}

/** The one setup of every browser spec: the real API serving the built web app (`npm run build`), and Chromium. */
export async function startBrowserApp(
  options: { seed?: boolean; overrides?: Record<string, string> } = {},
): Promise<BrowserApp> {
  const api = await startApi({ seed: options.seed, overrides: { WEB_DIST: 'dist/web', ...options.overrides } });
  return { api, baseUrl: await api.app.getUrl(), browser: await launchChromium() };
}

export async function closeBrowserApp(app: Partial<BrowserApp>): Promise<void> {
  await app.browser?.close();
  await app.api?.close();
}

/** Logs in through the login page as a person does, and waits for their home page. */
export async function logInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('role-home').waitFor();
}

/** Polls the API until `accept` holds (autosave is asynchronous); fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not reached; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

/** Where a browser test leaves a screenshot for a person to look at (kept out of git: test-results/ is ignored). */
export function screenshotPath(name: string): string {
  mkdirSync('test-results/screenshots', { recursive: true });
  return `test-results/screenshots/${name}.png`;
}

/**
 * The one setup of a browser spec, in one line: `const app = useBrowserApp();` starts the API serving the built web
 * app and Chromium before the spec's tests (before its own beforeAll hooks) and closes both after them.
 */
export function useBrowserApp(options: { seed?: boolean; overrides?: Record<string, string> } = {}): BrowserApp {
  const app = {} as BrowserApp;
  beforeAll(async () => {
    Object.assign(app, await startBrowserApp(options));
  });
  afterAll(() => closeBrowserApp(app));
  return app;
}
