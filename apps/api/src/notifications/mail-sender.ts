import type { CallInformation, MailSender } from '@portal/contracts';
import { loadLetterSettings, type LetterSettings } from '../assessment/letters/letter-settings';

const loaded = new Map<string, LetterSettings>();

/** The letter settings of LETTER_SETTINGS_FILE, read once per file (the outcome service already failed fast on a bad one). */
function settingsOf(file: string): LetterSettings {
  let settings = loaded.get(file);
  if (!settings) {
    settings = loadLetterSettings(file);
    loaded.set(file, settings);
  }
  return settings;
}

/**
 * Who signs a mail to an applicant about a call, and whom they can ask: the administration of the letter settings,
 * and the call's own contact person when its information names one, else the administration's contact.
 */
export function mailSender(information: CallInformation | null | undefined, letterSettingsFile: string): MailSender {
  const settings = settingsOf(letterSettingsFile);
  const own = information?.contactName || information?.contactEmail;
  const parts = own
    ? [information?.contactName, information?.contactEmail, information?.contactPhone]
    : [settings.contact.name, settings.contact.email, settings.contact.phone];
  return {
    administration: settings.administration.name,
    contact: parts.filter((part): part is string => Boolean(part?.trim())).join(', '),
  };
}
