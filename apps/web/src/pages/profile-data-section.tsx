import { useTranslation } from 'react-i18next';
import { API_BASE } from '../api/client';

/** Where the API serves the person's own data as one JSON file (`GET /auth/me/export`); a plain download. */
const MY_DATA_URL = `${API_BASE}/auth/me/export`;

/** Profile section: download everything the portal keeps about me (GDPR right of access and portability). */
export function MyDataSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('profile.dataTitle')}</h2>
      <p>{t('profile.dataIntro')}</p>
      <p>
        <a
          href={MY_DATA_URL}
          download="mijn-gegevens.json"
          className="btn btn--secondary btn--link"
          data-testid="profile-data-export"
        >
          {t('profile.dataExport')}
        </a>
      </p>
    </section>
  );
}
