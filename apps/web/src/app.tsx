import { Route, Routes } from 'react-router';
import { RequireRole } from './auth/require-role';
import { AppLayout } from './layout/app-layout';
import { AccessibilityPage } from './pages/accessibility-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RoleHomePage } from './pages/role-home-page';
import { RootRedirect } from './pages/root-redirect';

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
        <Route path="toegankelijkheid" element={<AccessibilityPage />} />

        <Route element={<RequireRole role="applicant" />}>
          <Route path="aanvrager" element={<RoleHomePage role="applicant" />} />
        </Route>
        <Route element={<RequireRole role="admin" />}>
          <Route path="administratie" element={<RoleHomePage role="admin" />} />
        </Route>
        <Route element={<RequireRole role="reviewer" />}>
          <Route path="beoordeling" element={<RoleHomePage role="reviewer" />} />
        </Route>
        <Route element={<RequireRole role="minister" />}>
          <Route path="kabinet" element={<RoleHomePage role="minister" />} />
        </Route>

        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
