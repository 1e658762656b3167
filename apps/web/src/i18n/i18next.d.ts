import type nl from './nl.json';

// Typed translation keys: `t('does.not.exist')` is a compile error. nl.json is the source of truth;
// en.json is checked against it in ./index.ts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
