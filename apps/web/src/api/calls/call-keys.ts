import { recordServerTime } from '../../lib/server-clock';

export const CALLS_QUERY_KEY = ['calls'] as const;

export const callQueryKeys = {
  list: (includeDrafts: boolean) => [...CALLS_QUERY_KEY, 'list', includeDrafts ? 'with-drafts' : 'published'] as const,
  detail: (id: string) => [...CALLS_QUERY_KEY, 'detail', id] as const,
};

/** Every call view carries the server's clock: the countdowns correct the browser's by it. */
export function noteServerTime<T extends { serverTime?: string }>(view: T): T {
  if (view.serverTime) recordServerTime(view.serverTime);
  return view;
}
