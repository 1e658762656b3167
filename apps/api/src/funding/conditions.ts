import { createHash } from 'node:crypto';
import type { CallInformation } from '@portal/contracts';
import type { LetterSettings } from '../assessment/letters/letter-settings';

/** The award conditions as the award letter quotes them: the call's own, or the letter settings'. */
export function awardConditions(information: CallInformation | null | undefined, settings: LetterSettings): string {
  return information?.awardConditions ?? settings.awardConditions;
}

/** SHA-256 of the text in UTF-8, hexadecimal: what the database checks too (award_acceptances_hash_of_text). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
