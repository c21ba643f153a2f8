import BigConstructor from 'big.js';
import { invalidInput } from '../shared/domain-error';

/**
 * The only module that holds big.js (STYLE.md rule 12). Money is USD in cents precision and
 * crosses every boundary as a two-decimal string. Exact intermediate values (interest before
 * rounding, the amortisation factor) are `Decimal`s; the only way back to `Money` from a
 * `Decimal` is `roundHalfUpToCents`, so every rounding is visible at its call site.
 * See docs/servicing-rules.md, "Money, rates and dates".
 */

// A private big.js constructor in strict mode: it refuses JS numbers, so no float can sneak in.
const Big = BigConstructor();
Big.strict = true;
Big.DP = 40; // divisions keep 40 decimals before the one named rounding
Big.RM = Big.roundHalfUp;
type BigValue = InstanceType<typeof Big>;
const BIG_ZERO = new Big('0');

const MONEY_INPUT = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;
const MONEY_STORED = /^-?(0|[1-9][0-9]*)\.[0-9]{2}$/;
const DECIMAL_INPUT = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** An exact decimal used inside servicing formulas; never stored, never shown. */
export class Decimal {
  private constructor(private readonly value: BigValue) {}

  static of(text: string): Decimal {
    if (!DECIMAL_INPUT.test(text)) throw new Error(`Not a decimal literal: ${text}`);
    return new Decimal(new Big(text));
  }
  /** Whole numbers (day counts, terms, cycle numbers) enter formulas through here. */
  static integer(value: number): Decimal {
    if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
    return new Decimal(new Big(String(value)));
  }
  plus(other: Decimal): Decimal {
    return new Decimal(this.value.plus(other.value));
  }
  minus(other: Decimal): Decimal {
    return new Decimal(this.value.minus(other.value));
  }
  times(other: Decimal): Decimal {
    return new Decimal(this.value.times(other.value));
  }
  dividedBy(other: Decimal): Decimal {
    return new Decimal(this.value.div(other.value));
  }
  /** Integer powers only; negative exponents divide with the module's precision. */
  pow(exponent: number): Decimal {
    return new Decimal(this.value.pow(exponent));
  }
  isZero(): boolean {
    return this.value.eq(BIG_ZERO);
  }
  compare(other: Decimal): -1 | 0 | 1 {
    return this.value.cmp(other.value) as -1 | 0 | 1;
  }
  toString(): string {
    return this.value.toFixed();
  }
  /** @internal for Money and the rounding function only */
  static unwrap(decimal: Decimal): BigValue {
    return decimal.value;
  }
  /** @internal */
  static wrap(value: BigValue): Decimal {
    return new Decimal(value);
  }
}

/** An amount of USD, always a whole number of cents; may be negative only as an intermediate. */
export class Money {
  private constructor(private readonly value: BigValue) {}

  static readonly zero = new Money(new Big('0'));

  /**
   * Parses an amount typed by a client: a string of digits with at most two decimals, no sign,
   * no exponent, at most 999,999,999,999.99. Anything else is refused, naming `field`.
   */
  static parse(input: unknown, field = 'amount'): Money {
    if (typeof input !== 'string') {
      throw invalidInput('AMOUNT_NOT_A_STRING', `${field} must be a decimal string such as "512.34"`, field);
    }
    if (!MONEY_INPUT.test(input)) {
      throw invalidInput(
        'AMOUNT_FORMAT',
        `${field} must be digits with at most 2 decimals, without sign or exponent`,
        field,
      );
    }
    return new Money(new Big(input));
  }

  /** Reads an amount the ledger itself wrote (events, read models): exactly two decimals, sign allowed. */
  static fromStored(text: string): Money {
    if (!MONEY_STORED.test(text)) throw new Error(`Stored amount is not a two-decimal string: ${text}`);
    return new Money(new Big(text));
  }

  /** An amount from a whole number of cents, e.g. Money.ofCents(2500) is 25.00. */
  static ofCents(cents: number): Money {
    if (!Number.isSafeInteger(cents)) throw new Error(`Cents must be an integer: ${cents}`);
    return new Money(new Big(String(cents)).div(new Big('100')));
  }

  static sum(amounts: readonly Money[]): Money {
    return amounts.reduce((total, amount) => total.plus(amount), Money.zero);
  }
  static min(a: Money, b: Money): Money {
    return a.lte(b) ? a : b;
  }
  static max(a: Money, b: Money): Money {
    return a.gte(b) ? a : b;
  }

  plus(other: Money): Money {
    return new Money(this.value.plus(other.value));
  }
  minus(other: Money): Money {
    return new Money(this.value.minus(other.value));
  }
  /** Multiplying by a whole count stays in cents, so no rounding is involved. */
  timesCount(count: number): Money {
    return new Money(this.value.times(Decimal.unwrap(Decimal.integer(count))));
  }
  /** Never below zero: max(0, this). */
  floorAtZero(): Money {
    return this.isNegative() ? Money.zero : this;
  }
  toDecimal(): Decimal {
    return Decimal.wrap(this.value);
  }

  isZero(): boolean {
    return this.value.eq(BIG_ZERO);
  }
  isPositive(): boolean {
    return this.value.gt(BIG_ZERO);
  }
  isNegative(): boolean {
    return this.value.lt(BIG_ZERO);
  }
  eq(other: Money): boolean {
    return this.value.eq(other.value);
  }
  gt(other: Money): boolean {
    return this.value.gt(other.value);
  }
  gte(other: Money): boolean {
    return this.value.gte(other.value);
  }
  lt(other: Money): boolean {
    return this.value.lt(other.value);
  }
  lte(other: Money): boolean {
    return this.value.lte(other.value);
  }

  /** The wire form: exactly two decimals, e.g. "512.30". */
  toString(): string {
    return this.value.toFixed(2);
  }
  toJSON(): string {
    return this.toString();
  }

  /** @internal for the rounding function only */
  static fromExactCents(value: BigValue): Money {
    return new Money(value);
  }
}

/**
 * The one rounding of the ledger: half-up (away from zero on .5) to whole cents.
 * docs/servicing-rules.md, "Rounding".
 */
export function roundHalfUpToCents(exact: Decimal): Money {
  return Money.fromExactCents(Decimal.unwrap(exact).round(2, Big.roundHalfUp));
}

/** A two-decimal amount string as written in events and read models. */
export type MoneyString = string;
