import fc from 'fast-check';
import { Money } from '../../money/money';
import { PaymentAllocation, allocatePayment, allocationTotal, assertAllocation } from './waterfall';

const m = (text: string): Money => Money.parse(text);
const fees = (...amounts: string[]) =>
  amounts.map((amount, index) => ({ feeId: `fee-${index + 1}`, amount: m(amount) }));
const shown = (allocation: PaymentAllocation) => ({
  fees: allocation.fees.toString(),
  interest: allocation.interest.toString(),
  principal: allocation.principal.toString(),
  overpayment: allocation.overpayment.toString(),
});

// Rows in waterfall order: fees oldest first, then interest, then principal, then overpayment.
describe('allocatePayment: a settled payment against outstanding balances', () => {
  // prettier-ignore
  const splits: ReadonlyArray<
    [situation: string, amount: string, feesOwed: string[], interestOwed: string, principalOwed: string,
     fees: string, interest: string, principal: string, overpayment: string]
  > = [
    ['exact installment',           '489.04', [],                '137.80', '25000.00', '0.00',  '137.80', '351.24',   '0.00'],
    ['covers fees only',             '20.00', ['24.45'],         '137.80', '25000.00', '20.00',   '0.00',   '0.00',   '0.00'],
    ['covers fees exactly',          '24.45', ['24.45'],         '137.80', '25000.00', '24.45',   '0.00',   '0.00',   '0.00'],
    ['fees and part of interest',   '100.00', ['24.45'],         '137.80', '25000.00', '24.45',  '75.55',   '0.00',   '0.00'],
    ['fees, interest, principal',   '513.49', ['24.45'],         '137.80', '25000.00', '24.45', '137.80', '351.24',   '0.00'],
    ['two fees, oldest first',       '30.00', ['24.45', '25.00'], '10.00',   '500.00', '30.00',   '0.00',   '0.00',   '0.00'],
    ['two fees and all else',       '600.00', ['24.45', '25.00'], '10.00',   '500.00', '49.45',  '10.00', '500.00',  '40.55'],
    ['payoff to the cent',          '622.04', [],                 '22.04',   '600.00', '0.00',   '22.04', '600.00',   '0.00'],
    ['overpayment after payoff',    '700.00', [],                 '22.04',   '600.00', '0.00',   '22.04', '600.00',  '77.96'],
    ['nothing outstanding',         '100.00', [],                  '0.00',     '0.00', '0.00',    '0.00',   '0.00', '100.00'],
    ['one cent of interest left',     '0.01', [],                  '0.01',   '600.00', '0.00',    '0.01',   '0.00',   '0.00'],
    ['a zero payment',                '0.00', ['25.00'],          '10.00',   '600.00', '0.00',    '0.00',   '0.00',   '0.00'],
  ];
  it.each(splits)(
    '%s: %s goes to fees/interest/principal/overpayment as listed',
    (
      _situation,
      amount,
      feesOwed,
      interestOwed,
      principalOwed,
      feesPart,
      interestPart,
      principalPart,
      overpayment,
    ) => {
      const allocation = allocatePayment(m(amount), {
        fees: fees(...feesOwed),
        interest: m(interestOwed),
        principal: m(principalOwed),
      });
      expect(shown(allocation)).toEqual({
        fees: feesPart,
        interest: interestPart,
        principal: principalPart,
        overpayment,
      });
      expect(allocationTotal(allocation).toString()).toBe(amount);
    },
  );
});

describe('allocatePayment: several fees outstanding', () => {
  it('pays the oldest fee in full before the next one and lists only the fees it reached', () => {
    const allocation = allocatePayment(m('30.00'), {
      fees: fees('24.45', '25.00', '25.00'),
      interest: m('0.00'),
      principal: m('100.00'),
    });
    expect(allocation.feesPaid.map((fee) => [fee.feeId, fee.amount.toString()])).toEqual([
      ['fee-1', '24.45'],
      ['fee-2', '5.55'],
    ]);
  });
  it('skips a fee with nothing left to pay', () => {
    const allocation = allocatePayment(m('10.00'), {
      fees: fees('0.00', '25.00'),
      interest: m('0.00'),
      principal: m('100.00'),
    });
    expect(allocation.feesPaid.map((fee) => fee.feeId)).toEqual(['fee-2']);
  });
});

describe('assertAllocation: a recorded allocation that does not add up', () => {
  it('is refused as a broken invariant', () => {
    const broken = {
      fees: m('0.00'),
      interest: m('1.00'),
      principal: m('2.00'),
      overpayment: m('0.00'),
      feesPaid: [],
    };
    expect(() => assertAllocation(m('3.01'), broken)).toThrow(/Invariant broken/);
  });
});

describe('allocatePayment: any payment against any balances (properties, 1,000 runs each)', () => {
  const cents = (max: number) => fc.integer({ min: 0, max }).map((value) => Money.ofCents(value));
  const scenario = fc.record({
    amount: cents(60_000_000),
    fees: fc.array(cents(5_000), { maxLength: 5 }),
    interest: cents(2_000_000),
    principal: cents(50_000_000),
  });
  const allocate = (s: { amount: Money; fees: Money[]; interest: Money; principal: Money }) =>
    allocatePayment(s.amount, {
      fees: s.fees.map((amount, index) => ({ feeId: `fee-${index}`, amount })),
      interest: s.interest,
      principal: s.principal,
    });

  it('always splits into parts that sum to the payment', () => {
    fc.assert(
      fc.property(scenario, (s) => allocationTotal(allocate(s)).eq(s.amount)),
      { numRuns: 1000 },
    );
  });
  it('never produces a negative part', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = allocate(s);
        return [a.fees, a.interest, a.principal, a.overpayment, ...a.feesPaid.map((fee) => fee.amount)].every(
          (part) => !part.isNegative(),
        );
      }),
      { numRuns: 1000 },
    );
  });
  it('never pays more principal, interest or fees than outstanding', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = allocate(s);
        return a.principal.lte(s.principal) && a.interest.lte(s.interest) && a.fees.lte(Money.sum(s.fees));
      }),
      { numRuns: 1000 },
    );
  });
  it('leaves an overpayment only when everything else is paid in full', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = allocate(s);
        return (
          a.overpayment.isZero() ||
          (a.principal.eq(s.principal) && a.interest.eq(s.interest) && a.fees.eq(Money.sum(s.fees)))
        );
      }),
      { numRuns: 1000 },
    );
  });
});
