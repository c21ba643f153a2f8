import { Apr } from '../money/apr';
import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { LOAN_EVENT_SCHEMA_VERSIONS, LOAN_EVENT_TYPES } from './loan.events';
import { loanStreamId, parseAccountNumber, parseFeeId, parsePaymentId } from './loan.ids';
import { at, d, history, m, openLoan, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);
const today = at('2026-01-10');

describe('a loan that was never opened', () => {
  it('opens with the terms, the computed installment and the servicing defaults', () => {
    spec.given([]).when(openLoan(), today).then([
      {
        type: 'LoanOpened',
        data: {
          accountNumber: '12345678901',
          customerId: 'cust-1',
          vehicle: { vin: '1HGCM82633A004352', year: 2024, make: 'Honda', model: 'Accord' },
          titleState: 'TX',
          terms: {
            principal: '25000.00', apr: '6.49', termMonths: 60, installment: '489.04',
            originationDate: d('2026-01-10'), firstPaymentDate: d('2026-02-24'), maturityDate: d('2031-01-24'),
            lateFee: { graceDays: 10, percent: '5', cap: '25.00' },
            returnedPaymentFee: '25.00', statementLeadDays: 21, reminderLeadDays: 7,
          },
          openedOn: d('2026-01-10'),
        },
      },
    ]);
  });

  it('opens a zero-APR loan with the principal divided by the term', () => {
    const [opened] = spec.given([]).when(openLoan({ apr: Apr.parse('0'), principal: m('1000.00'), termMonths: 12 }), today).thenEvents();
    expect(opened.type === 'LoanOpened' && opened.data.terms.installment).toBe('83.33');
  });

  const refusals: Array<[string, Parameters<typeof openLoan>[0], string]> = [
    ['a principal below 500.00', { principal: m('499.99') }, 'PRINCIPAL_OUT_OF_RANGE'],
    ['a principal above 500000.00', { principal: m('500000.01') }, 'PRINCIPAL_OUT_OF_RANGE'],
    ['a term below 12 months', { termMonths: 11 }, 'TERM_OUT_OF_RANGE'],
    ['a term above 96 months', { termMonths: 97 }, 'TERM_OUT_OF_RANGE'],
    ['a first payment 14 days after origination', { firstPaymentDate: d('2026-01-24') }, 'FIRST_PAYMENT_DATE_OUT_OF_RANGE'],
    ['a first payment 61 days after origination', { firstPaymentDate: d('2026-03-12') }, 'FIRST_PAYMENT_DATE_OUT_OF_RANGE'],
    ['an origination after the business date', { originationDate: d('2026-01-11'), firstPaymentDate: d('2026-02-24') }, 'ORIGINATION_DATE_IN_FUTURE'],
    ['a VIN with a wrong check digit', { vehicle: { vin: '1HGCM82643A004352', year: 2024, make: 'Honda', model: 'Accord' } }, 'VIN_CHECK_DIGIT'],
    ['a VIN with the letter O', { vehicle: { vin: '1HGCM8263OA004352', year: 2024, make: 'Honda', model: 'Accord' } }, 'VIN_FORMAT'],
    ['a model year two years ahead', { vehicle: { vin: '1HGCM82633A004352', year: 2028, make: 'Honda', model: 'Accord' } }, 'VEHICLE_YEAR_OUT_OF_RANGE'],
    ['a vehicle without a make', { vehicle: { vin: '1HGCM82633A004352', year: 2024, make: ' ', model: 'Accord' } }, 'VEHICLE_MAKE_MISSING'],
    ['a vehicle without a model', { vehicle: { vin: '1HGCM82633A004352', year: 2024, make: 'Honda', model: '' } }, 'VEHICLE_MODEL_MISSING'],
    ['an unknown title state', { titleState: 'XX' }, 'TITLE_STATE_UNKNOWN'],
    ['no customer id', { customerId: '' }, 'CUSTOMER_ID_MISSING'],
  ];
  it.each(refusals)('refuses %s', (_what, overrides, reason) => {
    spec.given([]).when(openLoan(overrides), today).thenRefuses('InvalidInput', reason);
  });

  it('accepts the bounds: 500.00, 12 months and a first payment 15 days out', () => {
    const events = spec.given([]).when(openLoan({ principal: m('500.00'), termMonths: 12, firstPaymentDate: d('2026-01-25') }), today).thenEvents();
    expect(events.map((event) => event.type)).toEqual(['LoanOpened']);
  });

  it('refuses any other command with LOAN_NOT_FOUND', () => {
    spec.given([]).when({ type: 'CancelAutoPay', data: {} }, today).thenRefuses('NotFound', 'LOAN_NOT_FOUND');
  });
});

describe('an opened loan', () => {
  it('refuses a second opening with LOAN_ALREADY_OPENED', () => {
    spec.given(openedLoan().events).when(openLoan(), today).thenRefuses('RuleViolated', 'LOAN_ALREADY_OPENED');
  });

  it('starts active with the whole principal outstanding and interest posted to origination', () => {
    const state = history().open().opened();
    expect([state.status, state.principal.toString(), state.accruedInterest.toString(), state.lastPostedOn]).toEqual([
      'Active', '25000.00', '0.00', '2026-01-10',
    ]);
  });
});

describe('the wire contract', () => {
  it('lists 24 loan event types, all at schema version 1', () => {
    expect(LOAN_EVENT_TYPES).toHaveLength(24);
    expect(new Set(Object.values(LOAN_EVENT_SCHEMA_VERSIONS))).toEqual(new Set([1]));
  });

  it('names the stream loan-{accountNumber}', () => {
    expect(loanStreamId(parseAccountNumber('12345678'))).toBe('loan-12345678');
  });

  it.each(['1234567', '123456789012345678', '12345a78', ''])('refuses the account number %p', (input) => {
    expect(() => parseAccountNumber(input)).toThrow(expect.objectContaining({ reason: 'ACCOUNT_NUMBER_FORMAT' }));
  });

  it('accepts URL-safe payment and fee ids and refuses others', () => {
    expect(parsePaymentId('pay_2026-03.1')).toBe('pay_2026-03.1');
    expect(() => parsePaymentId('a/b')).toThrow(expect.objectContaining({ reason: 'PAYMENT_ID_FORMAT' }));
    expect(() => parseFeeId('')).toThrow(expect.objectContaining({ reason: 'FEE_ID_FORMAT' }));
  });
});
