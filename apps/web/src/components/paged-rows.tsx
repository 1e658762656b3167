import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Pagination } from './pagination';

/** The page sizes a person can choose; the lists of the assessment start at 50 rows. */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface PagedRows<T> {
  /** The rows of the current page. */
  rows: readonly T[];
  /** Index (0-based) of the first row of the page in the whole list. */
  start: number;
  total: number;
  /** 0-based, always within the list (a list that shrinks, e.g. by a filter, moves back to its last page). */
  page: number;
  pages: number;
  size: PageSize;
  setPage: (page: number) => void;
  setSize: (size: PageSize) => void;
}

/**
 * One page of a list the browser already holds. The assessment lists stay whole in the browser (the budget line,
 * the cumulative amounts and the filters are over all rows; ADR 0022); only the rows of one page are rendered.
 */
export function usePagedRows<T>(all: readonly T[], initialSize: PageSize = 50): PagedRows<T> {
  const [size, setSizeState] = useState<PageSize>(initialSize);
  const [wanted, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(wanted, pages - 1);
  const start = page * size;
  return {
    rows: all.slice(start, start + size),
    start,
    total: all.length,
    page,
    pages,
    size,
    setPage,
    setSize: (next) => {
      // Keep the first row of the current page in view.
      setPage(Math.floor(start / next));
      setSizeState(next);
    },
  };
}

/**
 * "1–50 van 300" with the previous and next page and the page size, under a paged table. Shows nothing when the
 * whole list fits on the smallest page.
 */
export function PageControls<T>({
  paged,
  list,
  'data-testid': testId,
}: {
  paged: PagedRows<T>;
  /** Names the list, for the navigation landmark ("Pagina's van …"). */
  list: string;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  const sizeId = useId();
  if (paged.total <= PAGE_SIZES[0]) return null;
  const from = paged.start + 1;
  const to = paged.start + paged.rows.length;
  return (
    <Pagination
      label={t('paging.label', { list })}
      items={[
        <Button
          key="prev"
          variant="secondary"
          disabled={paged.page === 0}
          onClick={() => paged.setPage(paged.page - 1)}
          data-testid={`${testId}-prev`}
        >
          {t('paging.previous')}
        </Button>,
        <span key="range" aria-live="polite" data-testid={`${testId}-range`}>
          {t('paging.range', { from, to, total: paged.total })}
        </span>,
        <Button
          key="next"
          variant="secondary"
          disabled={paged.page >= paged.pages - 1}
          onClick={() => paged.setPage(paged.page + 1)}
          data-testid={`${testId}-next`}
        >
          {t('paging.next')}
        </Button>,
        <span key="size">
          <label htmlFor={sizeId}>{t('paging.size')}</label>{' '}
          <select
            id={sizeId}
            value={paged.size}
            onChange={(event) => paged.setSize(Number(event.target.value) as PageSize)}
            data-testid={`${testId}-size`}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </span>,
      ]}
    />
  );
}
