import { Money } from '@ledger/domain';

/*
 * Documents hold amounts as two-decimal strings (domain.md): arithmetic on them always goes
 * through Money, never through a JS number.
 */

export const plusStored = (a: string, b: string): string => Money.fromStored(a).plus(Money.fromStored(b)).toString();
export const minusStored = (a: string, b: string): string => Money.fromStored(a).minus(Money.fromStored(b)).toString();
export const sumStored = (amounts: readonly string[]): string => Money.sum(amounts.map(Money.fromStored)).toString();

/** Whole cents of a stored amount as a BigInt, for exact ratios (e.g. a percentage) without floats. */
export const centsOf = (amount: string): bigint => {
  const negative = amount.startsWith('-');
  const [whole, fraction] = (negative ? amount.slice(1) : amount).split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction);
  return negative ? -cents : cents;
};
