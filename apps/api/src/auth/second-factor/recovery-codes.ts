import { randomBytes } from 'node:crypto';
import { formatRecoveryCode, RECOVERY_CODE_COUNT } from '@portal/domain';
import { hashToken } from '@portal/server';

/** A fresh set of recovery codes, to show once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(10)));
}

/** What is stored of a recovery code (canonical form, see classifySecondFactorInput): salted with the person's id. */
export function recoveryCodeHash(userId: string, code: string): string {
  return hashToken(`${userId}:${code}`);
}
