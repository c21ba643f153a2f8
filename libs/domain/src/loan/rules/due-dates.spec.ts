import fc from 'fast-check';
import { BusinessDate, addDays, compareDates, parseBusinessDate } from '../../calendar/business-date';
import {
  cycleDueOnOrBefore,
  dueDateOfCycle,
  firstCycleDueAfter,
  maturityDate,
  statementDateOfCycle,
} from './due-dates';

const d = (text: string): BusinessDate => parseBusinessDate(text);

describe('dueDateOfCycle: a first payment date at a month end', () => {
  // prettier-ignore
  const dueDates: ReadonlyArray<[firstPayment: string, cycle: number, due: string]> = [
    ['2026-01-31', 1, '2026-01-31'],
    ['2026-01-31', 2, '2026-02-28'],
    ['2026-01-31', 3, '2026-03-31'],
    ['2026-01-31', 4, '2026-04-30'],
    ['2026-01-31', 12, '2026-12-31'],
    ['2026-01-31', 13, '2027-01-31'],
    ['2027-12-31', 3, '2028-02-29'],
    ['2027-12-31', 4, '2028-03-31'],
    ['2028-01-30', 2, '2028-02-29'],
    ['2028-01-30', 3, '2028-03-30'],
    ['2028-02-29', 2, '2028-03-29'],
    ['2028-02-29', 13, '2029-02-28'],
    ['2028-02-29', 49, '2032-02-29'],
    ['2026-03-15', 1, '2026-03-15'],
    ['2026-03-15', 10, '2026-12-15'],
    ['2026-03-15', 11, '2027-01-15'],
    ['2026-03-15', 96, '2034-02-15'],
  ];
  it.each(dueDates)('from %s, cycle %i is due on %s', (firstPayment, cycle, due) => {
    expect(dueDateOfCycle(d(firstPayment), cycle)).toBe(due);
  });
  it('refuses cycle 0 as a programmer error', () => {
    expect(() => dueDateOfCycle(d('2026-01-31'), 0)).toThrow(/Invariant broken/);
  });
});

describe('statementDateOfCycle: statements 21 days before the due date', () => {
  // prettier-ignore
  const statements: ReadonlyArray<[origination: string, firstPayment: string, cycle: number, statement: string]> = [
    ['2026-01-01', '2026-02-15', 1, '2026-01-25'],
    ['2026-01-01', '2026-01-16', 1, '2026-01-01'], // D1 - 21 is before origination: clamped
    ['2026-01-10', '2026-01-25', 1, '2026-01-10'], // clamped to origination (D1 - 21 = 2026-01-04)
    ['2026-01-10', '2026-01-31', 1, '2026-01-10'], // D1 - 21 is origination itself
    ['2026-01-10', '2026-02-01', 1, '2026-01-11'],
    ['2026-01-10', '2026-01-25', 2, '2026-02-04'],
    ['2026-01-01', '2026-01-31', 2, '2026-02-07'],
    ['2026-01-01', '2026-01-31', 3, '2026-03-10'],
    ['2027-12-01', '2027-12-31', 3, '2028-02-08'],
    ['2027-12-01', '2027-12-31', 4, '2028-03-10'],
  ];
  it.each(statements)(
    'opened %s, first due %s: statement %i is issued on %s',
    (origination, first, cycle, date) => {
      expect(statementDateOfCycle(d(origination), d(first), cycle)).toBe(date);
    },
  );
});

describe('maturityDate: the due date of the last cycle', () => {
  // prettier-ignore
  const maturities: ReadonlyArray<[firstPayment: string, termMonths: number, maturity: string]> = [
    ['2026-03-15', 60, '2031-02-15'],
    ['2026-01-31', 12, '2026-12-31'],
    ['2026-01-31', 26, '2028-02-29'],
    ['2026-01-31', 96, '2033-12-31'],
  ];
  it.each(maturities)('first due %s over %i months matures on %s', (first, term, maturity) => {
    expect(maturityDate(d(first), term)).toBe(maturity);
  });
});

describe('cycleDueOnOrBefore and firstCycleDueAfter: locating a date among due dates', () => {
  // prettier-ignore
  const positions: ReadonlyArray<[firstPayment: string, date: string, dueOnOrBefore: number, dueAfter: number]> = [
    ['2026-03-15', '2026-01-01',  0,  1],
    ['2026-03-15', '2026-03-14',  0,  1],
    ['2026-03-15', '2026-03-15',  1,  2],
    ['2026-03-15', '2026-03-16',  1,  2],
    ['2026-03-15', '2026-04-14',  1,  2],
    ['2026-03-15', '2026-04-15',  2,  3],
    ['2026-03-15', '2027-03-15', 13, 14],
    ['2026-01-31', '2026-02-27',  1,  2],
    ['2026-01-31', '2026-02-28',  2,  3],
    ['2026-01-31', '2026-03-30',  2,  3],
    ['2026-01-31', '2026-03-31',  3,  4],
    ['2027-12-31', '2028-02-28',  2,  3],
    ['2027-12-31', '2028-02-29',  3,  4],
    ['2028-02-29', '2029-02-27', 12, 13],
    ['2028-02-29', '2029-02-28', 13, 14],
    ['2026-03-15', '2034-03-01', 96, 97], // after the term: cycles keep counting monthly
  ];
  it.each(positions)(
    'first due %s, on %s: latest due cycle %i, next %i',
    (first, date, onOrBefore, after) => {
      expect(cycleDueOnOrBefore(d(first), d(date))).toBe(onOrBefore);
      expect(firstCycleDueAfter(d(first), d(date))).toBe(after);
    },
  );
});

describe('cycleDueOnOrBefore: any first payment date and any later date (property, 1,000 runs)', () => {
  it('returns k with D_k <= date < D_k+1', () => {
    const start = d('2024-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: -100, max: 3500 }),
        (firstOffset, dateOffset) => {
          const first = addDays(start, firstOffset);
          const date = addDays(first, dateOffset);
          const k = cycleDueOnOrBefore(first, date);
          const dueBeforeOrOn = k === 0 || compareDates(dueDateOfCycle(first, k), date) <= 0;
          return dueBeforeOrOn && compareDates(dueDateOfCycle(first, k + 1), date) > 0;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
