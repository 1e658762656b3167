import type { ReactNode } from 'react';

export interface PaginationProps {
  /** Accessible name of the navigation landmark. */
  label: string;
  /** The items in order (links to other pages, "page x of y"); an empty item keeps its place. */
  items: ReactNode[];
}

/** Navigation between the pages of a list. */
export function Pagination({ label, items }: PaginationProps) {
  return (
    <nav className="pagination" aria-label={label}>
      <ul className="pagination__list">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </nav>
  );
}
