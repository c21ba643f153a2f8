import fc from 'fast-check';
import { Decimal, Money, roundHalfUpToCents } from './money';
import { DomainError } from '../shared/domain-error';

const refusalOf = (input: unknown): string | undefined => {
  try {
    Money.parse(input);
    return undefined;
  } catch (error) {
    return (error as DomainError).reason;
  }
};

describe('Money.parse', () => {
  it.each([
    ['0', '0.00'],
    ['1', '1.00'],
    ['1.5', '1.50'],
    ['512.34', '512.34'],
    ['25000.00', '25000.00'],
    ['999999999999.99', '999999999999.99'],
  ])('accepts %p as %p', (input, wire) => {
    expect(Money.parse(input).toString()).toBe(wire);
  });

  //  input                 reason
  it.each([
    [12.5, 'AMOUNT_NOT_A_STRING'],
    [null, 'AMOUNT_NOT_A_STRING'],
    [undefined, 'AMOUNT_NOT_A_STRING'],
    [{}, 'AMOUNT_NOT_A_STRING'],
    ['', 'AMOUNT_FORMAT'],
    ['-1.00', 'AMOUNT_FORMAT'],
    ['+1.00', 'AMOUNT_FORMAT'],
    ['1e3', 'AMOUNT_FORMAT'],
    ['1.234', 'AMOUNT_FORMAT'],
    ['01.00', 'AMOUNT_FORMAT'],
    ['1.', 'AMOUNT_FORMAT'],
    ['.50', 'AMOUNT_FORMAT'],
    [' 1.00', 'AMOUNT_FORMAT'],
    ['1,000.00', 'AMOUNT_FORMAT'],
    ['NaN', 'AMOUNT_FORMAT'],
    ['Infinity', 'AMOUNT_FORMAT'],
    ['１２', 'AMOUNT_FORMAT'],
    ['1000000000000.00', 'AMOUNT_FORMAT'],
  ])('refuses %p with %s', (input, reason) => {
    expect(refusalOf(input)).toBe(reason);
  });

  it('names the field it was given', () => {
    expect(() => Money.parse('x', 'fixedAmount')).toThrow(expect.objectContaining({ field: 'fixedAmount' }));
  });
});

describe('roundHalfUpToCents', () => {
  //  exact          rounded
  it.each([
    ['0.004', '0.00'],
    ['0.005', '0.01'],
    ['0.0049999', '0.00'],
    ['1.015', '1.02'],
    ['1.025', '1.03'],
    ['2.675', '2.68'],
    ['123.455', '123.46'],
    ['123.4549', '123.45'],
  ])('rounds %s to %s', (exact, rounded) => {
    expect(roundHalfUpToCents(Decimal.of(exact)).toString()).toBe(rounded);
  });

  it('rounds a negative half away from zero', () => {
    expect(roundHalfUpToCents(Decimal.of('0').minus(Decimal.of('1.005'))).toString()).toBe('-1.01');
  });
});

describe('Money arithmetic', () => {
  const cents = fc.integer({ min: 0, max: 10_000_000_00 });

  it('adds and subtracts exactly, like integer cents', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(Money.ofCents(a).plus(Money.ofCents(b)).toString()).toBe(Money.ofCents(a + b).toString());
        expect(Money.ofCents(a).minus(Money.ofCents(b)).toString()).toBe(Money.ofCents(a - b).toString());
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips through its wire form', () => {
    fc.assert(
      fc.property(cents, (a) => {
        const money = Money.ofCents(a);
        expect(Money.parse(money.toString()).eq(money)).toBe(true);
        expect(JSON.stringify({ amount: money })).toBe(`{"amount":"${money.toString()}"}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplies by a count without rounding', () => {
    expect(Money.parse('489.11').timesCount(3).toString()).toBe('1467.33');
  });

  it('floors negatives at zero', () => {
    expect(Money.parse('1.00').minus(Money.parse('2.50')).floorAtZero().toString()).toBe('0.00');
  });

  it('reads only two-decimal stored amounts', () => {
    expect(Money.fromStored('-3.10').toString()).toBe('-3.10');
    expect(() => Money.fromStored('3.1')).toThrow();
  });

  it('refuses a JS number inside a formula', () => {
    expect(() => Decimal.integer(1.5)).toThrow();
    expect(() => Decimal.of('1e2')).toThrow();
  });
});
