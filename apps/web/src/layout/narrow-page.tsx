import type { ReactNode } from 'react';
import { DocumentTitle } from '../components/document-title';
import { LoadingIndicator } from '../components/loading-indicator';

export interface NarrowPageProps {
  title: string;
  /** Id of the h1, for a form that takes the page's title as its name (`aria-labelledby`). */
  titleId?: string;
  lead?: ReactNode;
  children: ReactNode;
}

/** A page of one short form (login, account, password): document title, heading and introduction in one column. */
export function NarrowPage({ title, titleId, lead, children }: NarrowPageProps) {
  return (
    <div className="narrow">
      <DocumentTitle page={title} />
      <h1 id={titleId}>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

/** While it is not known yet who is logged in: the page's title, and that it is loading. */
export function PageLoading({ title }: { title: string }) {
  return (
    <>
      <DocumentTitle page={title} />
      <LoadingIndicator />
    </>
  );
}
