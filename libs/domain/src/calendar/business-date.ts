import { Brand } from '../shared/brand';
import { invalidInput } from '../shared/domain-error';

/**
 * A calendar date `YYYY-MM-DD` in the ledger's business calendar. Arithmetic is done on day
 * numbers with the proleptic Gregorian algorithms (no Date object, no time zone, no clock).
 * docs/servicing-rules.md, "Money, rates and dates".
 */
export type BusinessDate = Brand<string, 'BusinessDate'>;

const DATE_FORMAT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

/** Parses a strict calendar date, refusing impossible ones such as 2026-02-30. */
export function parseBusinessDate(input: unknown, field = 'date'): BusinessDate {
  const match = typeof input === 'string' ? DATE_FORMAT.exec(input) : null;
  if (!match) throw invalidInput('DATE_FORMAT', `${field} must be a date written YYYY-MM-DD`, field);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidInput('DATE_IMPOSSIBLE', `${field} is not a calendar date: ${String(input)}`, field);
  }
  return input as BusinessDate;
}

const parts = (date: BusinessDate): [number, number, number] => {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
};

const format = (year: number, month: number, day: number): BusinessDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as BusinessDate;

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: BusinessDate): number {
  const [year, month, day] = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(dayNumber: number): BusinessDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** `days(a, b)` of the spec: calendar days from a to b (negative when b is before a). */
export const daysBetween = (from: BusinessDate, to: BusinessDate): number => toDayNumber(to) - toDayNumber(from);

export const addDays = (date: BusinessDate, days: number): BusinessDate => fromDayNumber(toDayNumber(date) + days);

/**
 * Adds whole months keeping the day of month, clamped to the target month's last day
 * (Jan 31 + 1 month = Feb 28 or 29). Always add from the anchor date, never step by step,
 * so that Jan 31 -> Feb 28 -> Mar 31.
 */
export function addMonthsClamped(date: BusinessDate, months: number): BusinessDate {
  const [year, month, day] = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export const compareDates = (a: BusinessDate, b: BusinessDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const isBefore = (a: BusinessDate, b: BusinessDate): boolean => a < b;
export const isAfter = (a: BusinessDate, b: BusinessDate): boolean => a > b;
export const minDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a <= b ? a : b);
export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a >= b ? a : b);
