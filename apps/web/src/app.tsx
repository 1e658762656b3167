import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { WEB_ROUTE_PATTERNS } from '@portal/contracts';
import { RequireRole } from './auth/require-role';
import { LoadingIndicator } from './components/loading-indicator';
import { AppLayout } from './layout/app-layout';
import { AccessibilityPage } from './pages/accessibility-page';
import { ApplicantHomePage } from './pages/applicant/applicant-home-page';
import { CallListPage } from './pages/calls/call-list-page';
import { CallPage } from './pages/calls/call-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RootRedirect } from './pages/root-redirect';

import { adminAfterAwardRoutes, applicantAfterAwardRoutes } from './pages/after-award/after-award-routes';
// Forms only some users open are loaded on demand (they bring react-hook-form field arrays, IBAN rules, ...).
const AdminHomePage = lazy(() => import('./pages/admin/admin-home-page').then((m) => ({ default: m.AdminHomePage })));
const CallEditorPage = lazy(() =>
  import('./pages/admin/call-editor-page').then((m) => ({ default: m.CallEditorPage })),
);
const DossierPage = lazy(() => import('./pages/applicant/dossier-page').then((m) => ({ default: m.DossierPage })));
const DossierCheckPage = lazy(() =>
  import('./pages/check-step/dossier-check-page').then((m) => ({ default: m.DossierCheckPage })),
);
const SubscriptionCheckPage = lazy(() =>
  import('./pages/check-step/subscription-check-page').then((m) => ({ default: m.SubscriptionCheckPage })),
);
const ReceiptPage = lazy(() => import('./pages/applicant/receipt-page').then((m) => ({ default: m.ReceiptPage })));
const NotificationLogPage = lazy(() =>
  import('./pages/admin/notification-log-page').then((m) => ({ default: m.NotificationLogPage })),
);
const AuditLogPage = lazy(() => import('./pages/admin/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const RegisterAccountPage = lazy(() =>
  import('./pages/register-account-page').then((m) => ({ default: m.RegisterAccountPage })),
);
const ReviewPanelPage = lazy(() =>
  import('./pages/admin/review-panel-page').then((m) => ({ default: m.ReviewPanelPage })),
);
const StaffPage = lazy(() => import('./pages/admin/staff-page').then((m) => ({ default: m.StaffPage })));
const StaffInvitationPage = lazy(() =>
  import('./pages/staff-invitation-page').then((m) => ({ default: m.StaffInvitationPage })),
);
const VerifyEmailPage = lazy(() => import('./pages/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })));
const ApplicantVerificationPage = lazy(() =>
  import('./pages/admin/applicant-verification-page').then((m) => ({ default: m.ApplicantVerificationPage })),
);
const InvitationPage = lazy(() => import('./pages/invitation-page').then((m) => ({ default: m.InvitationPage })));
const ForgotPasswordPage = lazy(() =>
  import('./pages/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./pages/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const ProfilePage = lazy(() => import('./pages/profile-page').then((m) => ({ default: m.ProfilePage })));
const SubscriptionPage = lazy(() =>
  import('./pages/catalogue/subscription-page').then((m) => ({ default: m.SubscriptionPage })),
);
const CatalogueReviewPage = lazy(() =>
  import('./pages/catalogue/catalogue-review-page').then((m) => ({ default: m.CatalogueReviewPage })),
);
const RegisterApplicantPage = lazy(() =>
  import('./pages/applicant/register-applicant-page').then((m) => ({ default: m.RegisterApplicantPage })),
);

const loadAssessmentPage = () => import('./pages/assessment/assessment-page');
const AssessmentPage = lazy(() => loadAssessmentPage().then((m) => ({ default: m.AssessmentPage })));
const MinisterHomePage = lazy(() =>
  import('./pages/assessment/minister-home-page').then((m) => ({ default: m.MinisterHomePage })),
);
const MinisterProposalPage = lazy(() =>
  import('./pages/assessment/minister-proposal-page').then((m) => ({ default: m.MinisterProposalPage })),
);
const loadReviewerHomePage = () => import('./pages/reviewer/reviewer-home-page');
const ReviewerHomePage = lazy(() => loadReviewerHomePage().then((m) => ({ default: m.ReviewerHomePage })));

/**
 * On-demand pages that people open straight from a bookmark or a mail and that are busy on a large call: their code
 * is fetched while the session is checked, not after (the bench of the assessment page: ~0.35 s later otherwise).
 */
const PRELOAD: ReadonlyArray<[RegExp, () => Promise<unknown>]> = [
  [/^\/administratie\/oproepen\/[^/]+\/beoordeling\/?$/, loadAssessmentPage],
  [/^\/beoordeling\/?$/, loadReviewerHomePage],
];

/** Starts fetching the code of the page at `pathname` when it is one of PRELOAD. */
export function preloadPage(pathname: string): void {
  const match = PRELOAD.find(([pattern]) => pattern.test(pathname));
  if (match) void match[1]().catch(() => undefined); // a failure shows when the route itself loads it
}
const ReviewPage = lazy(() => import('./pages/reviewer/review-page').then((m) => ({ default: m.ReviewPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingIndicator />}>{children}</Suspense>;
}

/**
 * Route table. Each role area sits under its own guard; add the area's sub-pages as siblings inside the guard, e.g.
 * `<Route path="aanvrager/dossiers/:id" element={...} />`.
 */
export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<RootRedirect />} />
        <Route path="login" element={<LoginPage />} />
        <Route
          path="registreren"
          element={
            <Deferred>
              <RegisterAccountPage />
            </Deferred>
          }
        />
        <Route
          path={WEB_ROUTE_PATTERNS.forgotPassword}
          element={
            <Deferred>
              <ForgotPasswordPage />
            </Deferred>
          }
        />
        {/* The link in the password reset mail; also works while logged in (the reset ends every session). */}
        <Route
          path={WEB_ROUTE_PATTERNS.resetPassword}
          element={
            <Deferred>
              <ResetPasswordPage />
            </Deferred>
          }
        />
        {/* Public: anonymous visitors are offered login / account creation there and come back. */}
        <Route
          path={WEB_ROUTE_PATTERNS.invitation}
          element={
            <Deferred>
              <InvitationPage />
            </Deferred>
          }
        />
        <Route
          path={WEB_ROUTE_PATTERNS.staffInvitation}
          element={
            <Deferred>
              <StaffInvitationPage />
            </Deferred>
          }
        />
        {/* The link in the confirmation mail; works with or without a session (another device). */}
        <Route
          path={WEB_ROUTE_PATTERNS.verifyEmail}
          element={
            <Deferred>
              <VerifyEmailPage />
            </Deferred>
          }
        />
        <Route path="toegankelijkheid" element={<AccessibilityPage />} />
        <Route path="oproepen" element={<CallListPage />} />
        <Route path="oproepen/:id" element={<CallPage />} />

        {/* Any logged-in user, whatever the role. */}
        <Route element={<RequireRole />}>
          <Route
            path="profiel"
            element={
              <Deferred>
                <ProfilePage />
              </Deferred>
            }
          />
        </Route>
        <Route element={<RequireRole role="applicant" />}>
          <Route path="aanvrager" element={<ApplicantHomePage />} />
          <Route
            path="aanvrager/organisatie/nieuw"
            element={
              <Deferred>
                <RegisterApplicantPage />
              </Deferred>
            }
          />
          <Route
            path={WEB_ROUTE_PATTERNS.applicantDossier}
            element={
              <Deferred>
                <DossierPage />
              </Deferred>
            }
          />
          <Route
            path="aanvrager/intekeningen/:id"
            element={
              <Deferred>
                <SubscriptionPage />
              </Deferred>
            }
          />
          <Route
            path={WEB_ROUTE_PATTERNS.dossierCheck}
            element={
              <Deferred>
                <DossierCheckPage />
              </Deferred>
            }
          />
          <Route
            path={WEB_ROUTE_PATTERNS.subscriptionCheck}
            element={
              <Deferred>
                <SubscriptionCheckPage />
              </Deferred>
            }
          />
          <Route
            path={WEB_ROUTE_PATTERNS.dossierReceipt}
            element={
              <Deferred>
                <ReceiptPage />
              </Deferred>
            }
          />
          {applicantAfterAwardRoutes()}
        </Route>
        <Route element={<RequireRole role="admin" />}>
          <Route
            path="administratie"
            element={
              <Deferred>
                <AdminHomePage />
              </Deferred>
            }
          />
          <Route
            path="administratie/catalogus/:id"
            element={
              <Deferred>
                <CatalogueReviewPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/meldingen"
            element={
              <Deferred>
                <NotificationLogPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/medewerkers"
            element={
              <Deferred>
                <StaffPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/aanvragers"
            element={
              <Deferred>
                <ApplicantVerificationPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/audit"
            element={
              <Deferred>
                <AuditLogPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/oproepen/nieuw"
            element={
              <Deferred>
                <CallEditorPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/oproepen/:id"
            element={
              <Deferred>
                <CallEditorPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/oproepen/:id/panel"
            element={
              <Deferred>
                <ReviewPanelPage />
              </Deferred>
            }
          />
          <Route
            path="administratie/oproepen/:id/beoordeling"
            element={
              <Deferred>
                <AssessmentPage />
              </Deferred>
            }
          />
          {adminAfterAwardRoutes()}
        </Route>
        <Route element={<RequireRole role="reviewer" />}>
          <Route
            path="beoordeling"
            element={
              <Deferred>
                <ReviewerHomePage />
              </Deferred>
            }
          />
          <Route
            path="beoordeling/:id"
            element={
              <Deferred>
                <ReviewPage />
              </Deferred>
            }
          />
        </Route>
        <Route element={<RequireRole role="minister" />}>
          <Route
            path="kabinet"
            element={
              <Deferred>
                <MinisterHomePage />
              </Deferred>
            }
          />
          <Route
            path="kabinet/catalogus/:id"
            element={
              <Deferred>
                <CatalogueReviewPage />
              </Deferred>
            }
          />
          <Route
            path="kabinet/oproepen/:id"
            element={
              <Deferred>
                <MinisterProposalPage />
              </Deferred>
            }
          />
        </Route>

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
