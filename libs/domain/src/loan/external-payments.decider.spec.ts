import { Apr } from '../money/apr';
import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { ExternalPaymentChannel } from './loan.events';
import { at, cmd, d, history, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);

describe('an active loan receiving an external payment', () => {
  const given = openedLoan().events;

  it('settles a mailed check at once, effective on the received date (41 days of interest)', () => {
    spec.given(given).when(cmd.external('x1', '489.04', '2026-02-20'), at('2026-02-23')).then([
      {
        type: 'PaymentSettled',
        data: {
          paymentId: 'x1', amount: '489.04', effectiveDate: d('2026-02-20'), settledOn: d('2026-02-23'),
          channel: 'MAIL', source: 'EXTERNAL', cycle: 1, thirdPartyFee: '0.00', interestPosted: '182.25',
          allocation: { interest: '182.25', fees: '0.00', principal: '306.79', overpayment: '0.00' },
          feesPaid: [],
          balancesAfter: { principal: '24693.21', accruedInterest: '0.00', fees: '0.00' },
        },
      },
    ]);
  });

  const fees: Array<[ExternalPaymentChannel, string | undefined, string]> = [
    ['BANK_BILL_PAY', undefined, '0.00'],
    ['MAIL', undefined, '0.00'],
    ['ACI_PHONE', undefined, '4.00'],
    ['CHECKFREEPAY_DEBIT', undefined, '3.75'],
    ['MONEYGRAM', '11.99', '11.99'],
    ['WESTERN_UNION', '12.50', '12.50'],
  ];
  it.each(fees)('records the third-party fee of %s without touching the balance', (channel, agentFee, expected) => {
    const [settled] = spec.given(given).when(cmd.external('x1', '100.00', '2026-02-20', channel, agentFee), at('2026-02-20')).thenEvents();
    expect(settled.type === 'PaymentSettled' && [settled.data.thirdPartyFee, settled.data.allocation.interest, settled.data.allocation.principal]).toEqual([
      expected, '100.00', '0.00',
    ]);
  });

  it('refuses a MONEYGRAM payment without the agent fee with AGENT_FEE_REQUIRED', () => {
    spec.given(given).when(cmd.external('x1', '100.00', '2026-02-20', 'MONEYGRAM'), at('2026-02-20')).thenRefuses('InvalidInput', 'AGENT_FEE_REQUIRED');
  });
  it('refuses an agent fee on a MAIL payment with AGENT_FEE_NOT_APPLICABLE', () => {
    spec.given(given).when(cmd.external('x1', '100.00', '2026-02-20', 'MAIL', '1.00'), at('2026-02-20')).thenRefuses('InvalidInput', 'AGENT_FEE_NOT_APPLICABLE');
  });
  it('refuses a received date after the business date with RECEIVED_DATE_IN_FUTURE', () => {
    spec.given(given).when(cmd.external('x1', '100.00', '2026-02-21'), at('2026-02-20')).thenRefuses('InvalidInput', 'RECEIVED_DATE_IN_FUTURE');
  });
  it('refuses a received date before origination with RECEIVED_BEFORE_ORIGINATION', () => {
    spec.given(given).when(cmd.external('x1', '100.00', '2026-01-09'), at('2026-02-20')).thenRefuses('InvalidInput', 'RECEIVED_BEFORE_ORIGINATION');
  });
  it('refuses a zero amount with AMOUNT_NOT_POSITIVE', () => {
    spec.given(given).when(cmd.external('x1', '0.00', '2026-02-20'), at('2026-02-20')).thenRefuses('InvalidInput', 'AMOUNT_NOT_POSITIVE');
  });
  it('refuses a payment id already used with PAYMENT_ALREADY_EXISTS', () => {
    const withPayment = openedLoan().run(cmd.external('x1', '10.00', '2026-02-20'), '2026-02-20').events;
    spec.given(withPayment).when(cmd.external('x1', '10.00', '2026-02-20'), at('2026-02-20')).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_EXISTS');
  });
  it('refuses an external payment on a loan never opened with LOAN_NOT_FOUND', () => {
    spec.given([]).when(cmd.external('x1', '10.00', '2026-02-20'), at('2026-02-20')).thenRefuses('NotFound', 'LOAN_NOT_FOUND');
  });

  it('posts no interest for a received date before the last posting (no back-dating)', () => {
    const posted = openedLoan().run(cmd.external('x1', '100.00', '2026-02-20'), '2026-02-20').events;
    const [settled] = spec.given(posted).when(cmd.external('x2', '100.00', '2026-02-10'), at('2026-02-20')).thenEvents();
    expect(settled.type === 'PaymentSettled' && settled.data.interestPosted).toBe('0.00');
  });

  it('divides by 365 in a leap year too (one day on 25000.00 at 6.49% is 4.45)', () => {
    const leap = history().open({ originationDate: d('2028-02-28'), firstPaymentDate: d('2028-03-28'), apr: Apr.parse('6.49') });
    const [settled] = spec.given(leap.events).when(cmd.external('x1', '100.00', '2028-02-29'), at('2028-02-29')).thenEvents();
    expect(settled.type === 'PaymentSettled' && settled.data.interestPosted).toBe('4.45');
  });
});
