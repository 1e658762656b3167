import type { Test } from 'supertest';
import type { Session } from './test-app';

export interface RaceResult {
  label: string;
  status: number;
  code: string | null;
  body: unknown;
}

export interface RaceEntry {
  label: string;
  /** The session to send from; entries of one label are spread over the given sessions. */
  session: Session;
  request: (session: Session) => Test;
}

/**
 * Fires every request at once (one `Promise.all`, each request on its own connection, over the sessions given) and
 * collects what each one answered. Nothing is awaited between two requests, so they race inside the API.
 */
export async function race(entries: RaceEntry[]): Promise<RaceResult[]> {
  const answers = await Promise.all(
    entries.map(async (entry) => {
      const response = await entry.request(entry.session);
      const body = response.body as { code?: string } | undefined;
      return {
        label: entry.label,
        status: response.status,
        code: typeof body?.code === 'string' ? body.code : null,
        body: response.body as unknown,
      };
    }),
  );
  return answers;
}

/** `count` entries with one label, spread round-robin over the sessions. */
export function many(
  count: number,
  label: string,
  sessions: Session[],
  request: (session: Session, index: number) => Test,
): RaceEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const session = sessions[index % sessions.length];
    return { label, session, request: (s: Session) => request(s, index) };
  });
}

/** Interleaves lists so that conflicting requests leave in alternation, not in two blocks. */
export function interleave<T>(...lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/** Statuses per label, e.g. `{ submit: { 200: 1, 409: 19 } }`: for assertions and for the failure message. */
export function tally(results: RaceResult[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of results) {
    const key = r.code ? `${r.status} ${r.code}` : String(r.status);
    out[r.label] ??= {};
    out[r.label][key] = (out[r.label][key] ?? 0) + 1;
  }
  return out;
}

/** No answer of the race is a server error. */
export function serverErrors(results: RaceResult[]): RaceResult[] {
  return results.filter((r) => r.status >= 500);
}
