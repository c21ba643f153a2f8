import fc from 'fast-check';
import { BusinessDate, parseBusinessDate } from '../../calendar/business-date';
import { Money } from '../../money/money';
import { amountDueOnStatement, billedThrough, daysPastDue, pastDueOnStatement } from './billing';

const m = (text: string): Money => Money.parse(text);
const d = (text: string): BusinessDate => parseBusinessDate(text);

// One loan for every table: 25,000.00 at 6.49% over 60 months, installment 489.04, first due
// 2026-03-15. "received" is the full amount of settled, not returned payments less overpayment.
const installment = m('489.04');
const firstPaymentDate = d('2026-03-15');

describe('billedThrough: installments billed so far', () => {
  // prettier-ignore
  const billed: ReadonlyArray<[cycle: number, amount: string]> = [
    [-1,     '0.00'],
    [0,      '0.00'],
    [1,    '489.04'],
    [3,   '1467.12'],
    [60, '29342.40'],
  ];
  it.each(billed)('through cycle %i is %s', (cycle, amount) => {
    expect(billedThrough(installment, cycle).toString()).toBe(amount);
  });
});

describe('amountDueOnStatement: statement k of a borrower history', () => {
  // prettier-ignore
  const statements: ReadonlyArray<[history: string, cycle: number, feesCharged: string, received: string, payoff: string, due: string]> = [
    ['first statement, nothing paid',       1,  '0.00',     '0.00', '25137.80',  '489.04'],
    ['on time so far',                      3,  '0.00',   '978.08', '24300.00',  '489.04'],
    ['one installment missed',              3,  '0.00',   '489.04', '24800.00',  '978.08'],
    ['one cent short last month',           3,  '0.00',   '978.07', '24300.00',  '489.05'],
    ['partial payment last month',          2,  '0.00',   '300.00', '24900.00',  '678.08'],
    ['late fee unpaid',                     2, '24.45',   '489.04', '24900.00',  '513.49'],
    ['late fee paid with the installments', 3, '24.45',  '1002.53', '24300.00',  '489.04'],
    ['only a late fee left to pay',         2, '24.45',   '978.08', '24100.00',   '24.45'],
    ['late fee waived',                     2,  '0.00',   '489.04', '24900.00',  '489.04'],
    ['paid ahead in part',                  3,  '0.00',  '1200.00', '24100.00',  '267.12'],
    ['paid ahead in full',                  2,  '0.00',  '1467.12', '23900.00',    '0.00'],
    ['paid ahead far beyond the bill',      2,  '0.00',  '5000.00', '20500.00',    '0.00'],
    ['last cycle, capped by payoff',       60,  '0.00', '28853.36',   '480.12',  '480.12'],
    ['after the term, a small remainder',  61,  '0.00', '29342.40',    '12.34',   '12.34'],
    ['bill equals the payoff',             60,  '0.00', '28853.36',   '489.04',  '489.04'],
    ['nothing left to pay off',            60,  '0.00', '28853.36',     '0.00',    '0.00'],
  ];
  it.each(statements)(
    '%s: statement %i (fees %s, received %s, payoff %s) asks for %s',
    (_history, cycle, feesCharged, received, payoff, due) => {
      const amountDue = amountDueOnStatement({
        installment,
        cycle,
        feesCharged: m(feesCharged),
        received: m(received),
        payoffAtDueDate: m(payoff),
      });
      expect(amountDue.toString()).toBe(due);
    },
  );

  it('is never negative and never above the payoff (property, 1,000 runs)', () => {
    const cents = (max: number) => fc.integer({ min: 0, max }).map((value) => Money.ofCents(value));
    fc.assert(
      fc.property(
        cents(2_000_000),
        fc.integer({ min: 0, max: 120 }),
        cents(100_000),
        cents(60_000_000),
        cents(60_000_000),
        (anyInstallment, cycle, feesCharged, received, payoff) => {
          const amountDue = amountDueOnStatement({
            installment: anyInstallment,
            cycle,
            feesCharged,
            received,
            payoffAtDueDate: payoff,
          });
          return !amountDue.isNegative() && amountDue.lte(payoff);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('pastDueOnStatement: installments of earlier cycles not yet covered', () => {
  // prettier-ignore
  const pastDue: ReadonlyArray<[history: string, cycle: number, received: string, pastDue: string]> = [
    ['first statement',              1,    '0.00',    '0.00'],
    ['on time',                      2,  '489.04',    '0.00'],
    ['one installment missed',       3,  '489.04',  '489.04'],
    ['one cent short',               2,  '489.03',    '0.01'],
    ['partial payment',              3,  '700.00',  '278.08'],
    ['paid ahead',                   3, '1500.00',    '0.00'],
    ['nothing ever paid',            4,    '0.00', '1467.12'],
  ];
  it.each(pastDue)(
    '%s: statement %i with %s received shows %s past due',
    (_history, cycle, received, expected) => {
      expect(pastDueOnStatement({ installment, cycle, received: m(received) }).toString()).toBe(expected);
    },
  );
});

describe('daysPastDue: the earliest uncovered cycle due before the date', () => {
  // prettier-ignore
  const days: ReadonlyArray<[history: string, asOf: string, received: string, lastCycle: number | undefined, dpd: number]> = [
    ['before the first due date',         '2026-03-01',    '0.00', undefined,  0],
    ['on the first due date itself',      '2026-03-15',    '0.00', undefined,  0],
    ['the day after a missed due date',   '2026-03-16',    '0.00', undefined,  1],
    ['a month after a missed due date',   '2026-04-14',    '0.00', undefined, 30],
    ['two due dates missed',              '2026-04-16',    '0.00', undefined, 32],
    ['one cent short of cycle 1',         '2026-04-16',  '489.03', undefined, 32],
    ['cycle 1 paid, cycle 2 missed',      '2026-04-16',  '489.04', undefined,  1],
    ['one cent short of cycle 2',         '2026-04-16',  '978.07', undefined,  1],
    ['on time',                           '2026-04-16',  '978.08', undefined,  0],
    ['paid ahead',                        '2026-05-20', '2000.00', undefined,  0],
    ['fees paid from the same payments',  '2026-05-20', '1500.00', undefined,  0],
    ['after the term, cycles continue',   '2026-06-01',  '978.08', undefined, 17],
    ['after the last cycle of 2',         '2026-06-01',  '978.08',         2,  0],
    ['last cycle of 2 unpaid',            '2026-06-01',  '489.04',         2, 47],
  ];
  it.each(days)(
    '%s: on %s with %s received is %i days past due',
    (_history, asOf, received, lastCycle, dpd) => {
      expect(
        daysPastDue({ firstPaymentDate, installment, received: m(received), asOf: d(asOf), lastCycle }),
      ).toBe(dpd);
    },
  );

  it('counts the leap day when a February due date is missed', () => {
    const leapLoan = { firstPaymentDate: d('2027-12-31'), installment, received: m('489.04') };
    // Cycle 2 is due 2028-01-31; 2028-03-01 is 30 days later because February has 29 days.
    expect(daysPastDue({ ...leapLoan, asOf: d('2028-03-01') })).toBe(30);
  });
});
