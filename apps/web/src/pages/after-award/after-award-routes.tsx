import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { WEB_ROUTE_PATTERNS } from '@portal/contracts';
import { LoadingIndicator } from '../../components/loading-indicator';

/** The pages after the award (ADR 0024), loaded on demand; the route table calls these inside each role's guard. */
const FollowUpPage = lazy(() => import('./follow-up-page').then((m) => ({ default: m.FollowUpPage })));
const ReportPage = lazy(() => import('./report-page').then((m) => ({ default: m.ReportPage })));
const CallReportsPage = lazy(() => import('./call-reports-page').then((m) => ({ default: m.CallReportsPage })));
const CallLedgerPage = lazy(() =>
  import('../settlement/call-ledger-page').then((m) => ({ default: m.CallLedgerPage })),
);
const OrganisationLedgerPage = lazy(() =>
  import('../settlement/organisation-ledger-page').then((m) => ({ default: m.OrganisationLedgerPage })),
);
const RecoveryPage = lazy(() => import('../settlement/recovery-page').then((m) => ({ default: m.RecoveryPage })));
const ReportReviewPage = lazy(() => import('./report-review-page').then((m) => ({ default: m.ReportReviewPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingIndicator />}>{children}</Suspense>;
}

export function applicantAfterAwardRoutes() {
  return [
    <Route
      key="follow-up"
      path={WEB_ROUTE_PATTERNS.dossierFollowUp}
      element={
        <Deferred>
          <FollowUpPage />
        </Deferred>
      }
    />,
    <Route
      key="report"
      path={WEB_ROUTE_PATTERNS.dossierReport}
      element={
        <Deferred>
          <ReportPage />
        </Deferred>
      }
    />,
    <Route
      key="organisation-ledger"
      path="aanvrager/financieel"
      element={
        <Deferred>
          <OrganisationLedgerPage />
        </Deferred>
      }
    />,
  ];
}

export function adminAfterAwardRoutes() {
  return [
    <Route
      key="call-reports"
      path="administratie/oproepen/:id/rapporten"
      element={
        <Deferred>
          <CallReportsPage />
        </Deferred>
      }
    />,
    <Route
      key="call-ledger"
      path="administratie/oproepen/:id/grootboek"
      element={
        <Deferred>
          <CallLedgerPage />
        </Deferred>
      }
    />,
    <Route
      key="recovery"
      path="administratie/terugvorderingen/:id"
      element={
        <Deferred>
          <RecoveryPage />
        </Deferred>
      }
    />,
    <Route
      key="report-review"
      path="administratie/rapporten/:id"
      element={
        <Deferred>
          <ReportReviewPage />
        </Deferred>
      }
    />,
  ];
}
