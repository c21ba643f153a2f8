import { registerDecorator, ValidationOptions } from 'class-validator';
import {
  isAbaRoutingNumber,
  isBankAccountNumber,
  isBusinessDateString,
  isLoanAccountNumber,
  isMoneyString,
  isUsMobileE164,
  isValidVinCheckDigit,
} from './identifier-checks';

/**
 * Property decorators for request DTOs. The constraint name becomes the field error's reason
 * (for example isMoneyString -> IS_MONEY_STRING) in the problem details.
 */
function decorator(name: string, check: (value: unknown) => boolean, message: string, options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: `$property ${message}`, ...options },
      validator: { validate: (value: unknown) => check(value) },
    });
  };
}

/** Options of IsMoneyString: `positive` refuses zero (payments, fees); every amount is at most 999999999.99. */
export interface MoneyStringOptions {
  readonly positive?: boolean;
}

/** A decimal amount string ("512.34"): at most 2 decimals, no sign or exponent, never a JSON number. */
export const IsMoneyString = (money: MoneyStringOptions = {}, options?: ValidationOptions) =>
  decorator(
    'isMoneyString',
    (value) => isMoneyString(value, money.positive === true),
    `must be a decimal string with at most 2 decimals${money.positive ? ', greater than 0' : ''}, at most 999999999.99`,
    options,
  );

/** A real calendar date YYYY-MM-DD (2026-02-30 is refused). */
export const IsBusinessDateString = (options?: ValidationOptions) =>
  decorator('isBusinessDateString', isBusinessDateString, 'must be a calendar date written YYYY-MM-DD', options);

/** A 17-character VIN with a correct check digit. */
export const IsVin = (options?: ValidationOptions) =>
  decorator('isVin', isValidVinCheckDigit, 'must be a 17-character VIN with a valid check digit', options);

/** A 9-digit ABA routing number with a valid checksum. */
export const IsAbaRoutingNumber = (options?: ValidationOptions) =>
  decorator('isAbaRoutingNumber', isAbaRoutingNumber, 'must be a 9-digit ABA routing number with a valid checksum', options);

/** A bank account number of 4 to 17 digits. */
export const IsBankAccountNumber = (options?: ValidationOptions) =>
  decorator('isBankAccountNumber', isBankAccountNumber, 'must be 4 to 17 digits', options);

/** A US mobile number in E.164 form (+12025550123). */
export const IsUsMobileE164 = (options?: ValidationOptions) =>
  decorator('isUsMobileE164', isUsMobileE164, 'must be a US mobile number written +1NXXNXXXXXX', options);

/** A loan account number of 8 to 17 digits. */
export const IsAccountNumber = (options?: ValidationOptions) =>
  decorator('isAccountNumber', isLoanAccountNumber, 'must be a loan account number of 8 to 17 digits', options);
