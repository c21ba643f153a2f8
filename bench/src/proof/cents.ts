/**
 * Exact money for the proof suite's independent reference calculation: whole cents as bigint,
 * parsed from and printed as two-decimal strings. Deliberately not the domain's Money, so the
 * reference cannot share a bug with the code it checks; never a JS number.
 */
export type Cents = bigint;

const MONEY = /^(-?)([0-9]+)\.([0-9]{2})$/;

export function parseCents(text: unknown): Cents {
  const match = typeof text === 'string' ? MONEY.exec(text) : null;
  if (!match) throw new Error(`Not a two-decimal amount: ${JSON.stringify(text)}`);
  const cents = BigInt(match[2]) * 100n + BigInt(match[3]);
  return match[1] === '-' ? -cents : cents;
}

export function formatCents(cents: Cents): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

export const sumCents = (values: readonly Cents[]): Cents =>
  values.reduce((total, value) => total + value, 0n);
