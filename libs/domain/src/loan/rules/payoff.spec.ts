import { parseBusinessDate } from '../../calendar/business-date';
import { Apr } from '../../money/apr';
import { Money } from '../../money/money';
import { payoffQuote } from './payoff';

const m = (text: string): Money => Money.parse(text);

// Interest since L computed independently with Python's decimal module (ROUND_HALF_UP).
describe('payoffQuote: a loan asked for its payoff on a date', () => {
  // prettier-ignore
  const quotes: ReadonlyArray<
    [situation: string, principal: string, accrued: string, fees: string, apr: string, lastPosted: string, asOf: string, since: string, total: string]
  > = [
    ['28 days after the last posting', '24511.96',  '0.00',  '0.00', '6.49', '2026-03-01', '2026-03-29', '122.04', '24634.00'],
    ['with unpaid interest and fees',  '24511.96', '12.34', '24.45', '6.49', '2026-03-01', '2026-03-29', '122.04', '24670.79'],
    ['on the posting date itself',     '24511.96', '12.34', '24.45', '6.49', '2026-03-01', '2026-03-01',   '0.00', '24548.75'],
    ['as of a date before L',          '24511.96',  '0.00',  '0.00', '6.49', '2026-03-01', '2026-02-20',   '0.00', '24511.96'],
    ['over the leap day at 36%',        '1000.00',  '0.00',  '0.00', '36',   '2028-02-28', '2028-03-31',  '31.56',  '1031.56'],
    ['zero APR',                        '1000.00',  '0.00', '25.00', '0',    '2028-02-28', '2028-03-31',   '0.00',  '1025.00'],
    ['only a fee left',                    '0.00',  '0.00', '25.00', '6.49', '2026-03-01', '2026-06-01',   '0.00',    '25.00'],
    ['nothing left',                       '0.00',  '0.00',  '0.00', '6.49', '2026-03-01', '2026-06-01',   '0.00',     '0.00'],
  ];
  it.each(quotes)(
    '%s: %s + %s + fees %s at %s%% from %s to %s adds %s, total %s',
    (_situation, principal, accrued, fees, apr, lastPosted, asOf, since, total) => {
      const quote = payoffQuote({
        principal: m(principal),
        accruedInterest: m(accrued),
        fees: m(fees),
        apr: Apr.parse(apr),
        lastPostedOn: parseBusinessDate(lastPosted),
        asOf: parseBusinessDate(asOf),
      });
      expect([quote.interestSinceLastPosting.toString(), quote.total.toString()]).toEqual([since, total]);
      expect([quote.principal, quote.accruedInterest, quote.fees].map(String)).toEqual([
        principal,
        accrued,
        fees,
      ]);
    },
  );
});
