import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core from node_modules (never a CDN): evaluated in the page through the DevTools protocol, so the CSP allows it. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA (which include 2.0 and 2.1), plus axe's best practices; a violation of any impact fails. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export interface AxeOptions {
  /** Rule ids to leave out, each with the reason in a comment at the call site. */
  disableRules?: string[];
}

/** Runs axe on the page as it is now and returns every violation (all impacts). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, disableRules }) => {
      type AxeResult = {
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          helpUrl: string;
          nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
        }>;
      };
      // Runs in the page: the test's TypeScript has no DOM types, hence the shapes spelled out here.
      const { axe, document } = globalThis as unknown as {
        axe: { run: (context: unknown, options: object) => Promise<AxeResult> };
        document: unknown;
      };
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(disableRules.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String).join(' '),
          html: node.html.slice(0, 200),
          summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      }));
    },
    { tags: TAGS, disableRules: options.disableRules ?? [] },
  );
}

/** A readable list: rule, impact, what to fix, and each offending element. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `- ${v.id} [${v.impact ?? 'unknown'}]: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map((node) => `    at ${node.target}\n      ${node.html}\n      ${node.summary}`),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Fails when axe finds any violation on the page, whatever its impact (minor and moderate too), naming the page
 * (`label`), each rule and each element. Call it once the page shows what is to be checked (after waiting for its
 * content).
 */
export async function expectAccessible(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
  const failing = await axeViolations(page, options);
  if (failing.length > 0) {
    throw new Error(
      `Accessibility (axe-core) on ${label} (${page.url()}): ${failing.length} violation(s)\n` +
        formatViolations(failing),
    );
  }
}
