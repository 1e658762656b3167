import { useEffect, useRef, type RefObject } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SiteHeader } from './site-header';
import { SiteFooter } from './site-footer';
import { EmailVerificationBanner } from './email-verification-banner';

/**
 * After client-side navigation, move focus to the new page's h1 (or <main>) so screen-reader and keyboard users
 * start at the new content, like after a full page load. Only after the user interacted with the page: redirects
 * during the initial load (e.g. / -> /login) leave focus at the document start, where the skip link is first.
 */
function useFocusOnNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  const interacted = useRef(false);
  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    window.addEventListener('pointerdown', mark, { capture: true, once: true });
    window.addEventListener('keydown', mark, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', mark, { capture: true });
      window.removeEventListener('keydown', mark, { capture: true });
    };
  }, []);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (!interacted.current) return;
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }, [pathname, mainRef]);
}

export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);
  return (
    <div className="page">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main-content" ref={mainRef} tabIndex={-1} className="site-main">
        <div className="container">
          <EmailVerificationBanner />
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
