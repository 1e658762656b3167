import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';
import en from './en.json';

// Compile-time guarantee that nl.json and en.json have exactly the same keys.
void (en satisfies typeof nl);
void (nl satisfies typeof en);

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** BCP 47 tags used for `<html lang>`, `Accept-Language` and Intl formatting. */
const LOCALE_TAG: Record<Language, string> = { nl: 'nl-BE', en: 'en' };
/** Locale for Intl number/date formatting: Belgian conventions in both languages. */
const FORMAT_LOCALE: Record<Language, string> = { nl: 'nl-BE', en: 'en-BE' };

const STORAGE_KEY = 'portal.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage unavailable (privacy mode, disabled cookies)
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignore: the choice then only lasts for this page load
  }
}

/** The current UI language, always one of LANGUAGES. */
export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

export function localeTag(language: Language = currentLanguage()): string {
  return LOCALE_TAG[language];
}

export function formatLocale(language: Language = currentLanguage()): string {
  return FORMAT_LOCALE[language];
}

/** Switches the UI language and remembers the choice in localStorage. */
export async function setLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = localeTag(isLanguage(lng) ? lng : DEFAULT_LANGUAGE);
}

i18n.on('languageChanged', applyDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    nl: { translation: nl },
    en: { translation: en },
  },
  lng: readStoredLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  defaultNS: 'translation',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  react: { useSuspense: false },
});

applyDocumentLanguage(i18n.language);

export default i18n;
