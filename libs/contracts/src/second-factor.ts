import type { SessionResponse } from './auth';

/** `POST /auth/login` of an account with a second factor: no session yet, a challenge to complete with a code. */
export interface SecondFactorChallengeResponse {
  secondFactorRequired: true;
  /** Single-use, expires at `expiresAt`; sent back with the code to `POST /auth/login/totp`. */
  challenge: string;
  expiresAt: string;
}

export type LoginResponse = SessionResponse | SecondFactorChallengeResponse;

export function isSecondFactorChallenge(response: LoginResponse): response is SecondFactorChallengeResponse {
  return 'secondFactorRequired' in response && response.secondFactorRequired === true;
}

export interface SecondFactorStatus {
  /** Confirmed with a code: every password login asks for one. */
  enabled: boolean;
  enabledAt: string | null;
  /** The person's role requires a second factor (TOTP_REQUIRED_FOR_ROLES). */
  required: boolean;
  recoveryCodesLeft: number;
}

/** `POST /auth/second-factor/enrolment`: shown once; the secret is never returned again after confirmation. */
export interface SecondFactorEnrolment {
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code, an SVG data URL. */
  qrCode: string;
}

export interface RecoveryCodesResponse {
  /** Shown once; the server keeps only their hashes. Each works once, instead of a code from the app. */
  recoveryCodes: string[];
}

/** Field-level messages of the second-factor forms, in every UI language. */
export const SECOND_FACTOR_FIELD_MESSAGES = {
  codeIncorrect: () => ({
    nl: 'Deze code klopt niet (of werd al gebruikt). Typ de code die uw app nu toont.',
    en: 'This code is incorrect (or was already used). Type the code your app shows now.',
  }),
  passwordIncorrect: () => ({
    nl: 'Dit is niet uw huidige wachtwoord.',
    en: 'This is not your current password.',
  }),
} as const;
