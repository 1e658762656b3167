import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, localeTag, setLanguage } from '../i18n';

/** Labelled button group; the pressed button is the active language. */
export function LanguageSwitch() {
  const { t } = useTranslation(); // re-renders on language change
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="language-switch__button"
          lang={localeTag(language)}
          aria-pressed={active === language}
          data-testid={`lang-${language}`}
          onClick={() => void setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
