import { Apr } from '../../money/apr';
import { Money } from '../../money/money';
import { installmentAmount } from './installment';

// Expected installments were computed outside the code under test, with Python's decimal module
// (60 significant digits, ROUND_HALF_UP): P*r/(1-(1+r)^-n), r = APR/1200; P/n when APR is 0.
// The exact value is kept in the last column so a one-cent drift is visible at a glance.
// prettier-ignore
const loans: ReadonlyArray<[principal: string, apr: string, termMonths: number, installment: string, exact: string]> = [
  ['25000.00',  '6.49',  60,   '489.04', '489.0366144172'],
  ['500.00',    '0',     12,    '41.67',  '41.6666666666'],
  ['10000.00',  '0',     96,   '104.17', '104.1666666666'],
  ['1000.00',   '0',     36,    '27.78',  '27.7777777777'],
  ['547.50',    '0',     12,    '45.63',  '45.625 (half-up, not half-even 45.62)'],
  ['2403.00',   '0',     24,   '100.13', '100.125 (half-up, not half-even 100.12)'],
  ['18500.00',  '3.9',   72,   '288.59', '288.5937263874'],
  ['500000.00', '36',    96, '15933.10', '15933.0966240916'],
  ['500.00',    '36',    12,    '50.23',  '50.2310427364'],
  ['32450.75',  '7.125', 84,   '491.75', '491.7540829833'],
  ['15999.99',  '12.99', 48,   '429.16', '429.1602582930'],
  ['42000.00',  '4.5',   66,   '719.55', '719.5451426088'],
  ['7500.00',   '21.5',  24,   '387.24', '387.2367851826'],
  ['28750.00',  '9.999', 75,   '517.05', '517.0525185855'],
  ['60000.00',  '0.001', 96,   '625.03', '625.0252607499'],
  ['12345.67',  '18',    36,   '446.33', '446.3255449959'],
];

describe('installmentAmount: a newly opened loan', () => {
  it.each(loans)(
    '%s at %s%% for %i months pays %s a month (exact %s)',
    (principal, apr, termMonths, expected) => {
      expect(installmentAmount(Money.parse(principal), Apr.parse(apr), termMonths).toString()).toBe(expected);
    },
  );
});

describe('installmentAmount: an impossible term', () => {
  it.each([0, -12, 1.5])('refuses a term of %p months as a programmer error', (termMonths) => {
    expect(() => installmentAmount(Money.parse('1000.00'), Apr.parse('5'), termMonths)).toThrow(
      /Invariant broken/,
    );
  });
});
