import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemError } from '../problem-details/problem';

// class-validator's built-in constraint names that deserve a clearer reason than their own name.
const REASONS: Record<string, string> = {
  whitelistValidation: 'FIELD_NOT_ALLOWED',
  nestedValidation: 'OBJECT_EXPECTED',
  unknownValue: 'BODY_EXPECTED',
  isDefined: 'REQUIRED',
};

/** 'isMoneyString' -> 'IS_MONEY_STRING'. */
const reasonOf = (constraint: string): string =>
  REASONS[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Flattens class-validator's tree into one entry per field and broken constraint, with nested
 * paths such as `vehicle.vin` and `items[0].amount`.
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : /^[0-9]+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field: field === '' ? '(body)' : field,
      reason: reasonOf(constraint),
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The global pipe: unknown fields are refused rather than dropped, so a misspelt field is never
 * silently ignored; implicit conversion stays off, so an amount stays the string the client sent
 * (a JSON number is refused by IsMoneyString rather than converted through a float).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Rejected values (an SSN, an account number) must not travel into errors or logs.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const names = [...new Set(fields.map((error) => error.field))].join(', ');
      return new ProblemError(400, 'VALIDATION_FAILED', `The request has invalid fields: ${names}`, {}, fields);
    },
  });
}
