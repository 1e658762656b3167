import { AttachmentStorageSettings } from './attachment-storage-settings';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

const toElectronicIban = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (electronicFormatIBAN(value) ?? value) : value;

function IsIban(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIban',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidIBAN(value),
        defaultMessage: () => 'must be a valid IBAN (country code, check digits and account number)',
      },
    },
    options,
  );
}

function IsBic(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBic',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidBIC(value),
        defaultMessage: () => 'must be a valid BIC (8 or 11 characters)',
      },
    },
    options,
  );
}

/**
 * After the decision (ADR 0023): the account the grants are paid from (the debtor of the SEPA credit transfer files)
 * and the acceptance reminders. A base class of AppConfig, validated with it at boot.
 */
export class PaymentSettings extends AttachmentStorageSettings {
  /** The paying administration's name as the bank knows it (SEPA Latin characters, at most 70). */
  @IsString()
  @Matches(/^[A-Za-z0-9/\-?:().,'+ ]{2,70}$/, {
    message: "must be 2-70 SEPA characters (letters, digits, space and /-?:().,'+)",
  })
  PAYMENT_DEBTOR_NAME = 'Vlaamse overheid Departement CJM';

  @Transform(toElectronicIban)
  @IsIban()
  PAYMENT_DEBTOR_IBAN = 'BE71096123456769';

  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsBic()
  PAYMENT_DEBTOR_BIC = 'GKCCBEBB';

  /** Days after the decision at which an organisation that has not accepted it yet gets a reminder, each once. */
  @Matches(/^\d{1,3}(,\d{1,3}){0,9}$/, { message: 'must be a comma-separated list of days, e.g. 14,28' })
  @MaxLength(40)
  ACCEPTANCE_REMINDER_DAYS = '14,28';

  /** Days an organisation has to repay a recovery (terugvordering), counted from the day it is made (ADR 0025). */
  @Matches(/^\d{1,3}$/, { message: 'must be a number of days, e.g. 30' })
  RECOVERY_DUE_DAYS = '30';

  /** Days after a recovery's due date at which an open recovery is recalled, each once (ADR 0025). */
  @Matches(/^\d{1,3}(,\d{1,3}){0,9}$/, { message: 'must be a comma-separated list of days, e.g. 1,30' })
  @MaxLength(40)
  RECOVERY_REMINDER_DAYS = '1,30';
}

/** RECOVERY_REMINDER_DAYS as numbers, ascending, without duplicates. */
export function recoveryReminderDays(settings: Pick<PaymentSettings, 'RECOVERY_REMINDER_DAYS'>): number[] {
  return [...new Set(settings.RECOVERY_REMINDER_DAYS.split(',').map(Number))].sort((a, b) => a - b);
}

/** ACCEPTANCE_REMINDER_DAYS as numbers, ascending, without duplicates. */
export function acceptanceReminderDays(settings: Pick<PaymentSettings, 'ACCEPTANCE_REMINDER_DAYS'>): number[] {
  return [...new Set(settings.ACCEPTANCE_REMINDER_DAYS.split(',').map(Number))].sort((a, b) => a - b);
}
