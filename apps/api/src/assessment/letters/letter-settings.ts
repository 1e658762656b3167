import { readFileSync } from 'node:fs';

/**
 * Who sends the decision letters and what they say beyond the decision itself: configuration, not code. The defaults
 * below are a Flemish department's; an administration replaces any part of them with a JSON file named by
 * LETTER_SETTINGS_FILE (same shape, every key optional). A call's own information (CallInformation: contact person,
 * appeal route, award conditions) comes before these settings in its letters.
 */
export interface LetterSettings {
  administration: {
    /** The government, e.g. "Vlaamse overheid". */
    government: string;
    /** The department or agency that sends the letter. */
    name: string;
    /** Postal address, one line each. */
    address: string[];
    website: string;
  };
  /** The contact person when the call names none. */
  contact: { name: string; email: string; phone: string };
  signatory: { name: string; title: string; mandate: string };
  /** The appeal route and term quoted in every rejection, inadmissibility and partial award. */
  appealRoute: string;
  /** Conditions, payment and reporting duties quoted in every award. */
  awardConditions: string;
}

export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  administration: {
    government: 'Vlaamse overheid',
    name: 'Departement Cultuur, Jeugd en Media',
    address: ['Arenbergstraat 9', '1000 Brussel'],
    website: 'www.vlaanderen.be/cjm',
  },
  contact: { name: 'Team subsidies', email: 'subsidies@portaal.example', phone: '02 553 00 00' },
  signatory: { name: 'Het afdelingshoofd', title: 'Afdeling Subsidies', mandate: 'in opdracht van de minister' },
  appealRoute:
    'Bent u het niet eens met deze beslissing, dan kunt u binnen zestig dagen na de kennisgeving ervan een verzoekschrift tot nietigverklaring indienen bij de Raad van State, Wetenschapsstraat 33, 1040 Brussel, met een aangetekende brief of elektronisch via eproadmin.raadvst-consetat.be. U kunt ook eerst contact opnemen met de contactpersoon hierboven of een klacht indienen bij de Vlaamse Ombudsdienst; dat schort de termijn van zestig dagen niet op.',
  awardConditions:
    'De subsidie wordt uitbetaald in een voorschot van 80% na deze beslissing en een saldo na de goedkeuring van het eindrapport. U gebruikt de subsidie alleen voor het project zoals u het indiende. Uiterlijk drie maanden na het einde van de projectperiode bezorgt u via het subsidieportaal een inhoudelijk eindrapport en een financieel verslag met de bewijsstukken. Bedragen die niet of niet correct besteed werden, worden teruggevorderd.',
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends string[] ? string[] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Overlays `override` on `base` key by key, refusing keys and types the settings do not have. */
function overlay<T>(base: T, override: unknown, path: string): T {
  if (!isRecord(override)) throw new Error(`${path}: expected an object`);
  const result = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    const current = (base as Record<string, unknown>)[key];
    const at = `${path}.${key}`;
    if (current === undefined) throw new Error(`${at}: unknown setting`);
    if (typeof current === 'string') {
      if (typeof value !== 'string' || value.trim() === '') throw new Error(`${at}: expected a non-empty text`);
      result[key] = value.trim();
    } else if (Array.isArray(current)) {
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        !value.every((line) => typeof line === 'string' && line.trim())
      )
        throw new Error(`${at}: expected a list of non-empty texts`);
      result[key] = value.map((line: string) => line.trim());
    } else {
      result[key] = overlay(current, value, at);
    }
  }
  return result as T;
}

/** The letter settings: the defaults, overlaid with the JSON file when one is configured. Fails fast on a bad file. */
export function loadLetterSettings(file: string): LetterSettings {
  if (!file) return DEFAULT_LETTER_SETTINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as DeepPartial<LetterSettings>;
  } catch (error) {
    throw new Error(`LETTER_SETTINGS_FILE ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return overlay(DEFAULT_LETTER_SETTINGS, parsed, 'LETTER_SETTINGS_FILE');
  } catch (error) {
    throw new Error(`${(error as Error).message} (in ${file})`, { cause: error });
  }
}
