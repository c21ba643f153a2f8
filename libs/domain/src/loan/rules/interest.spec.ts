import fc from 'fast-check';
import { BusinessDate, parseBusinessDate } from '../../calendar/business-date';
import { Apr } from '../../money/apr';
import { Money } from '../../money/money';
import { extraInterestOnReturn, interestForDays, postInterest } from './interest';

const d = (text: string): BusinessDate => parseBusinessDate(text);

// Expected amounts computed independently with Python's decimal module (ROUND_HALF_UP) from
// principal * APR/100 * days / 365; the exact value is in the comment where rounding is close.
describe('postInterest: a posting date after the last posting date', () => {
  // prettier-ignore
  const postings: ReadonlyArray<[principal: string, apr: string, lastPosted: string, posting: string, interest: string]> = [
    ['20000.00',  '6.49', '2026-01-31', '2026-02-28',    '99.57'], // 28 days, month end to month end
    ['20000.00',  '6.49', '2026-02-28', '2026-03-31',   '110.24'], // 31 days
    ['20000.00',  '6.49', '2026-12-31', '2027-01-01',     '3.56'], // over new year
    ['20000.00',  '6.49', '2027-02-28', '2027-03-01',     '3.56'], // no leap day: 1 day
    ['20000.00',  '6.49', '2028-02-28', '2028-03-01',     '7.11'], // over the leap day: 2 days
    ['20000.00',  '6.49', '2028-02-01', '2028-02-29',    '99.57'], // posted on the leap day
    ['20000.00',  '6.49', '2028-02-29', '2028-03-29',   '103.13'], // from the leap day, 29 days
    ['20000.00',  '6.49', '2027-01-01', '2028-01-01',  '1298.00'], // 365 days: exactly one year
    ['20000.00',  '6.49', '2028-01-01', '2029-01-01',  '1301.56'], // 366 days still over 365
    ['25000.00',  '6.49', '2026-03-01', '2026-04-01',   '137.80'], // 137.8013...
    ['24511.96',  '6.49', '2026-03-01', '2026-03-29',   '122.04'], // 122.0359...
    ['500000.00', '36',   '2026-01-15', '2026-02-15', '15287.67'], // the highest APR and principal
    ['500.00',    '36',   '2026-01-15', '2026-01-16',     '0.49'], // 0.4931...
    ['1825.00',   '0.1',  '2026-05-01', '2026-05-02',     '0.01'], // exactly 0.005: half-up
    ['10950.00',  '0.05', '2026-05-01', '2026-05-04',     '0.05'], // exactly 0.045: not half-even
    ['20000.00',  '0',    '2026-01-31', '2026-02-28',     '0.00'], // zero APR
    ['0.00',      '6.49', '2026-01-31', '2026-02-28',     '0.00'], // nothing outstanding
  ];
  it.each(postings)('%s at %s%% from %s to %s posts %s', (principal, apr, lastPosted, posting, interest) => {
    const result = postInterest(Money.parse(principal), Apr.parse(apr), d(lastPosted), d(posting));
    expect(result.interestPosted.toString()).toBe(interest);
    expect(result.postedThrough).toBe(posting);
  });
});

describe('postInterest: a posting date on or before the last posting date', () => {
  // prettier-ignore
  const noBackDating: ReadonlyArray<[lastPosted: string, posting: string]> = [
    ['2026-03-15', '2026-03-15'], // same day: 0 days
    ['2026-03-15', '2026-03-14'], // a day earlier
    ['2026-03-15', '2026-01-31'], // a late callback with an old effective date
    ['2028-03-01', '2028-02-29'],
  ];
  it.each(noBackDating)(
    'after posting through %s, a posting on %s posts 0 and keeps L',
    (lastPosted, posting) => {
      const result = postInterest(Money.parse('20000.00'), Apr.parse('36'), d(lastPosted), d(posting));
      expect(result.interestPosted.toString()).toBe('0.00');
      expect(result.postedThrough).toBe(lastPosted);
    },
  );
});

describe('interestForDays: day counts', () => {
  // prettier-ignore
  const counts: ReadonlyArray<[days: number, interest: string]> = [
    [-30,   '0.00'],
    [0,     '0.00'],
    [1,     '3.56'],
    [28,   '99.57'],
    [365, '1298.00'],
    [366, '1301.56'],
  ];
  it.each(counts)('20000.00 at 6.49%% for %i days earns %s', (days, interest) => {
    expect(interestForDays(Money.parse('20000.00'), Apr.parse('6.49'), days).toString()).toBe(interest);
  });

  it('never decreases when the days grow (property)', () => {
    const principalCents = fc.integer({ min: 0, max: 50_000_000 });
    const aprThousandths = fc.integer({ min: 0, max: 36_000 });
    fc.assert(
      fc.property(
        principalCents,
        aprThousandths,
        fc.integer({ min: -10, max: 3000 }),
        fc.integer({ min: 0, max: 400 }),
        (cents, thousandths, days, extraDays) => {
          const principal = Money.ofCents(cents);
          const apr = aprFromThousandths(thousandths);
          return interestForDays(principal, apr, days).lte(interestForDays(principal, apr, days + extraDays));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('extraInterestOnReturn: a payment returned after it settled', () => {
  // prettier-ignore
  const returns: ReadonlyArray<[principalPart: string, apr: string, effective: string, returned: string, extra: string]> = [
    ['350.00',   '6.49', '2026-03-01', '2026-03-05',  '0.25'], // 0.2489...
    ['16000.00', '6.49', '2026-03-01', '2026-03-05', '11.38'],
    ['25000.00', '36',   '2028-02-27', '2028-03-02', '98.63'], // 4 days over the leap day
    ['1825.00',  '0.1',  '2026-05-01', '2026-05-02',  '0.01'], // exactly 0.005: half-up
    ['350.00',   '0',    '2026-03-01', '2026-03-05',  '0.00'], // zero APR
    ['350.00',   '6.49', '2026-03-05', '2026-03-05',  '0.00'], // returned the day it took effect
    ['0.00',     '6.49', '2026-03-01', '2026-03-05',  '0.00'], // the payment paid no principal
  ];
  it.each(returns)(
    'a principal part of %s at %s%% effective %s, returned %s, adds %s',
    (part, apr, effective, returned, extra) => {
      expect(
        extraInterestOnReturn(Money.parse(part), Apr.parse(apr), d(effective), d(returned)).toString(),
      ).toBe(extra);
    },
  );
});

/** An APR such as 6.49 from 6490 thousandths, built as the string a client would send. */
function aprFromThousandths(thousandths: number): Apr {
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000).padStart(3, '0');
  return Apr.parse(`${whole}.${fraction}`);
}
