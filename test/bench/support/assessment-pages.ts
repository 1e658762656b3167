/**
 * The assessment pages at the scale of the Connecteren call (issue #17 point 5): the administration's assessment
 * page of a call with 300 submitted dossiers (each scored by 3 of 12 reviewers), and a reviewer's "my reviews" with
 * 75 assignments. Seeds the call of test/support/scale-fixture.ts, takes it through the API to the state in which
 * the assessment page is busiest (all admissible, 900 assignments, reviews in, no proposal yet), and opens the pages
 * in Chromium from fresh browser contexts. Used by test/bench/web-size.ts.
 */
import type { Browser } from 'playwright-core';
import type { ScaleCall } from '../../support/assessed-scale-call';
import { DEMO, DEMO_PASSWORD } from '../../support/test-app';
import { percentile, sortedCopy, table } from './bench-run';

/** What the page holds when it counts as usable; evaluated in the page at every animation frame. */
interface Readiness {
  /** CSS selectors that must each match at least one element. */
  present: string[];
}

interface ApiRequest {
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

interface PageTiming {
  /** Navigation start until the heading and the first rows of every section are shown and no spinner is left. */
  usableMs: number;
  /** Navigation start until the last API answer of the page arrived (the network is idle afterwards). */
  loadedMs: number;
  /** Elements in the document once everything has loaded. */
  domNodes: number;
  /** The API requests and the scripts of the page (Resource Timing). */
  api: ApiRequest[];
}

function readyAt(readiness: Readiness): number {
  const doc = (
    globalThis as unknown as {
      document: { querySelector(selector: string): unknown };
    }
  ).document;
  if (doc.querySelector('.loading')) return 0;
  return readiness.present.every((selector) => doc.querySelector(selector)) ? performance.now() : 0;
}

function pageFacts(): { domNodes: number; api: ApiRequest[] } {
  const doc = (globalThis as unknown as { document: { getElementsByTagName(name: string): { length: number } } })
    .document;
  const api = (
    performance.getEntriesByType('resource') as unknown as Array<{
      name: string;
      startTime: number;
      responseEnd: number;
      encodedBodySize: number;
    }>
  )
    .filter((entry) => /^\/(api|assets)\//.test(new URL(entry.name).pathname))
    .map((entry) => ({
      path: new URL(entry.name).pathname + new URL(entry.name).search,
      startMs: entry.startTime,
      endMs: entry.responseEnd,
      bytes: entry.encodedBodySize,
    }));
  return { domNodes: doc.getElementsByTagName('*').length, api };
}

async function storageStateOf(browser: Browser, baseUrl: string, email: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('role-home').waitFor();
  const state = JSON.stringify(await context.storageState());
  await context.close();
  return state;
}

async function openPage(browser: Browser, url: string, storageState: string, readiness: Readiness) {
  const context = await browser.newContext({ storageState: JSON.parse(storageState) as never });
  const page = await context.newPage();
  try {
    await page.goto(url);
    const ready = await page.waitForFunction(readyAt, readiness, { timeout: 120_000, polling: 'raf' });
    const usableMs = await ready.jsonValue();
    await page.waitForLoadState('networkidle');
    const facts = await page.evaluate(pageFacts);
    const loadedMs = Math.max(
      usableMs,
      ...facts.api.filter((request) => request.path.startsWith('/api/')).map((request) => request.endMs),
    );
    return { usableMs, loadedMs, ...facts } satisfies PageTiming;
  } finally {
    await context.close();
  }
}

const SECTIONS = ['ontvankelijkheid', 'toewijzing', 'scores', 'rangschikking'];

const ms = (value: number) => `${value.toFixed(0)} ms`;

function report(label: string, timings: PageTiming[]): void {
  const usable = sortedCopy(timings.map((t) => t.usableMs));
  const loaded = sortedCopy(timings.map((t) => t.loadedMs));
  const median = [...timings].sort((a, b) => a.loadedMs - b.loadedMs)[Math.floor(timings.length / 2)];
  const rows = [['request of the median load (API and scripts)', 'start', 'end', 'took', 'bytes']];
  const api = median.api.filter((r) => r.path.startsWith('/api/'));
  for (const r of [...median.api].sort((a, b) => a.startMs - b.startMs)) {
    rows.push([
      r.path.replace(/[0-9a-f-]{36}/g, ':id'),
      ms(r.startMs),
      ms(r.endMs),
      ms(r.endMs - r.startMs),
      `${r.bytes}`,
    ]);
  }
  console.log(`\n${label}\n${table(rows)}`);
  console.log(
    `usable      ${ms(percentile(usable, 50))} median (min ${ms(usable[0])}, max ${ms(usable[usable.length - 1])})\n` +
      `loaded      ${ms(percentile(loaded, 50))} median (min ${ms(loaded[0])}, max ${ms(loaded[loaded.length - 1])})\n` +
      `requests    ${api.length} API requests, ${api.reduce((s, r) => s + r.bytes, 0)} bytes; ` +
      `${median.domNodes} elements in the document`,
  );
}

/** Opens the assessment page as the demo admin and "my reviews" as the demo reviewer, `runs` cold loads each. */
export async function measureAssessmentPages(
  browser: Browser,
  baseUrl: string,
  scale: ScaleCall,
  runs: number,
): Promise<void> {
  const admin = await storageStateOf(browser, baseUrl, DEMO.admin);
  const reviewer = await storageStateOf(browser, baseUrl, DEMO.reviewer);
  const assessment: Readiness = {
    present: [
      '[data-testid="assessment-title"]',
      ...SECTIONS.map((s) => `section[aria-labelledby="${s}"] tbody tr`),
      'section[aria-labelledby="voorstel"] > :not(h2)',
    ],
  };
  const mine: Readiness = { present: ['[data-testid="role-home"]', '[data-testid="assignment-row"]'] };
  const measure = async (url: string, state: string, readiness: Readiness) => {
    const timings: PageTiming[] = [];
    for (let run = 0; run < runs + 1; run++) timings.push(await openPage(browser, url, state, readiness));
    return timings.slice(1); // the first load warms the API and its database
  };
  report(
    `assessment page /administratie/oproepen/:id/beoordeling, 300 dossiers, ${runs} cold loads ` +
      '(usable: heading and first rows of admissibility, assignments, scores and ranking, proposal section, no spinner)',
    await measure(`${baseUrl}/administratie/oproepen/${scale.callId}/beoordeling`, admin, assessment),
  );
  report(
    `my reviews /beoordeling, 75 assignments of ${DEMO.reviewer}, ${runs} cold loads (usable: heading and first row)`,
    await measure(`${baseUrl}/beoordeling`, reviewer, mine),
  );
}

/** The assessment page's API requests one at a time (no browser, no other request competing), `runs` each. */
export async function timeEndpoints(scale: ScaleCall, runs: number): Promise<void> {
  const { admin, reviewers, callId } = scale.fixture;
  const requests: Array<[string, (typeof reviewers)[number]]> = [
    ...['', '/admissibility', '/assignments', '/panel', '/scores', '/ranking', '/proposal'].map(
      (path) => [`/api/v1/calls/${callId}${path}`, admin] as [string, (typeof reviewers)[number]],
    ),
    ...reviewers.slice(0, 1).map((r) => ['/api/v1/assignments/mine', r] as [string, (typeof reviewers)[number]]),
  ];
  const rows = [['API request, one at a time', 'median', 'min', 'max']];
  for (const [path, who] of requests) {
    const took: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const started = performance.now();
      await who.agent.get(path);
      took.push(performance.now() - started);
    }
    const sorted = sortedCopy(took.slice(1));
    rows.push([path.replace(callId, ':id'), ms(percentile(sorted, 50)), ms(sorted[0]), ms(sorted[sorted.length - 1])]);
  }
  console.log(`\n${table(rows)}`);
}

/**
 * EXPLAIN ANALYZE of the statements behind the assessment lists, as the repositories build them (the same joins,
 * filters and order), on the 300-dossier call: the plan's top node and the execution time.
 */
export async function explainQueries(scale: ScaleCall): Promise<void> {
  const { api, callId } = scale.fixture;
  const statements: Array<[string, string]> = [
    [
      'submitted dossiers of the call + applicant',
      `SELECT d.*, a.* FROM dossiers d JOIN applicants a ON a.id = d.applicant_id
        WHERE d.call_id = $1 AND d.submission_count > 0 AND d.status <> 'withdrawn' ORDER BY d.reference`,
    ],
    [
      'last submission per dossier',
      `SELECT DISTINCT ON (s.dossier_id) s.* FROM dossier_submissions s
        WHERE s.dossier_id IN (SELECT id FROM dossiers WHERE call_id = $1) ORDER BY s.dossier_id, s.number DESC`,
    ],
    [
      'assignments of the call + dossier',
      `SELECT a.*, d.* FROM review_assignments a JOIN dossiers d ON d.id = a.dossier_id
        WHERE d.call_id = $1 ORDER BY d.reference, a.created_at`,
    ],
    [
      'scores of the assignments',
      `SELECT s.* FROM review_scores s WHERE s.assignment_id IN
        (SELECT a.id FROM review_assignments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.call_id = $1)`,
    ],
    [
      'admissibility decisions',
      `SELECT x.* FROM admissibility_decisions x WHERE x.dossier_id IN (SELECT id FROM dossiers WHERE call_id = $1)`,
    ],
  ];
  const rows = [['EXPLAIN ANALYZE (300-dossier call)', 'rows', 'execution', 'plan']];
  for (const [label, sql] of statements) {
    const plan = await api.dataSource.query<
      Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>
    >(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, [callId]);
    const [{ Plan: top, 'Execution Time': execution }] = plan[0]['QUERY PLAN'];
    rows.push([label, String(top['Actual Rows']), `${execution.toFixed(1)} ms`, scans(top).join(', ')]);
  }
  console.log(`\n${table(rows)}`);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

/** The scans of a plan: "Index Scan dossiers_one_live_per_applicant", "Seq Scan review_scores", ... */
function scans(node: PlanNode): string[] {
  const own = node['Relation Name'] ? [`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}
