import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <nav aria-label={t('nav.footer')}>
          <ul className="site-footer__links">
            <li>
              <Link to="/toegankelijkheid" data-testid="footer-accessibility">
                {t('nav.accessibility')}
              </Link>
            </li>
          </ul>
        </nav>
        <p className="site-footer__text">{t('footer.text')}</p>
      </div>
    </footer>
  );
}
