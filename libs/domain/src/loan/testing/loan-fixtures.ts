import { BusinessDate, addDays, parseBusinessDate } from '../../calendar/business-date';
import { Instant } from '../../calendar/instant';
import { Apr } from '../../money/apr';
import { Money } from '../../money/money';
import { fold } from '../../shared/decider';
import { loanDecider } from '../loan.decide';
import {
  EnrollAutoPay, EnrollTextPay, FundingSource, LoanCommand, LoanContext, NachaReturnCode, OpenLoan,
} from '../loan.commands';
import { ExternalPaymentChannel, LoanEvent } from '../loan.events';
import { parseAccountNumber, parseFeeId, parsePaymentId } from '../loan.ids';
import { LoanState, OpenedLoanState } from '../loan.state';

/*
 * Test fixtures for the loan decider: one standard loan (25,000.00 at 6.49% over 60 months,
 * originated 2026-01-10, first payment 2026-02-24, installment 489.04), command builders, and a
 * history builder that runs commands through the decider to produce `given` events.
 */

export const d = (text: string): BusinessDate => parseBusinessDate(text);
export const m = (text: string): Money => Money.parse(text);
export const at = (date: string): LoanContext => ({ businessDate: d(date), now: `${date}T12:00:00.000Z` as Instant });

export const ACCOUNT = '12345678901';
export const ORIGINATION = '2026-01-10';
export const FIRST_PAYMENT = '2026-02-24';
export const INSTALLMENT = '489.04';
export const FUNDING: FundingSource = { fundingSourceId: 'fs-1', fundingLast4: '6789' };
export const MOBILE = '+12025550123';
export const ROUTING = '011000015';

export const openLoan = (overrides: Partial<OpenLoan['data']> = {}): OpenLoan => ({
  type: 'OpenLoan',
  data: {
    accountNumber: parseAccountNumber(ACCOUNT),
    customerId: 'cust-1',
    vehicle: { vin: '1HGCM82633A004352', year: 2024, make: 'Honda', model: 'Accord' },
    principal: m('25000.00'),
    apr: Apr.parse('6.49'),
    termMonths: 60,
    originationDate: d(ORIGINATION),
    firstPaymentDate: d(FIRST_PAYMENT),
    titleState: 'TX',
    ...overrides,
  },
});

export const cmd = {
  schedule: (paymentId: string, amount: string, scheduledFor: string): LoanCommand => ({
    type: 'SchedulePayment',
    data: { paymentId: parsePaymentId(paymentId), amount: m(amount), scheduledFor: d(scheduledFor), fundingSource: FUNDING },
  }),
  cancel: (paymentId: string): LoanCommand => ({ type: 'CancelPayment', data: { paymentId: parsePaymentId(paymentId) } }),
  submit: (paymentId: string): LoanCommand => ({ type: 'SubmitPayment', data: { paymentId: parsePaymentId(paymentId) } }),
  settle: (paymentId: string, settledOn: string): LoanCommand => ({
    type: 'SettlePayment',
    data: { paymentId: parsePaymentId(paymentId), settledOn: d(settledOn) },
  }),
  return: (paymentId: string, returnedOn: string, returnCode: NachaReturnCode = 'R01'): LoanCommand => ({
    type: 'ReturnPayment',
    data: { paymentId: parsePaymentId(paymentId), returnCode, returnedOn: d(returnedOn) },
  }),
  external: (paymentId: string, amount: string, receivedOn: string, channel: ExternalPaymentChannel = 'MAIL', agentFee?: string): LoanCommand => ({
    type: 'RecordExternalPayment',
    data: {
      paymentId: parsePaymentId(paymentId), channel, amount: m(amount), receivedOn: d(receivedOn),
      ...(agentFee === undefined ? {} : { agentFee: m(agentFee) }),
    },
  }),
  chargeFee: (feeId: string, amount: string, reason = 'Title duplicate'): LoanCommand => ({
    type: 'ChargeFee',
    data: { feeId: parseFeeId(feeId), amount: m(amount), reason },
  }),
  waiveFee: (feeId: string, reason = 'Goodwill'): LoanCommand => ({ type: 'WaiveFee', data: { feeId: parseFeeId(feeId), reason } }),
  enrollAutoPay: (overrides: Partial<EnrollAutoPay['data']> = {}): LoanCommand => ({
    type: 'EnrollAutoPay',
    data: { fundingSource: FUNDING, routingNumber: ROUTING, amountRule: 'AMOUNT_DUE', ...overrides },
  }),
  cancelAutoPay: (): LoanCommand => ({ type: 'CancelAutoPay', data: {} }),
  enrollTextPay: (overrides: Partial<EnrollTextPay['data']> = {}): LoanCommand => ({
    type: 'EnrollTextPay',
    data: { mobileNumber: MOBILE, mobileVerified: true, textAlertsOptedIn: true, fundingSource: FUNDING, ...overrides },
  }),
  cancelTextPay: (): LoanCommand => ({ type: 'CancelTextPay', data: {} }),
  reply: (body: string, paymentId = 'text-1', from = MOBILE): LoanCommand => ({
    type: 'ReplyToText',
    data: { from, body, paymentId: parsePaymentId(paymentId) },
  }),
  day: (date: string): LoanCommand => ({ type: 'RunServicingDay', data: { date: d(date) } }),
  lienReleased: (releasedOn: string): LoanCommand => ({ type: 'RecordLienReleased', data: { releasedOn: d(releasedOn) } }),
  titleMailed: (mailedOn: string, carrier = 'USPS', trackingNumber = '9400100000000000000000'): LoanCommand => ({
    type: 'RecordTitleMailed',
    data: { carrier, trackingNumber, mailedOn: d(mailedOn) },
  }),
  titleDelivered: (deliveredOn: string): LoanCommand => ({ type: 'RecordTitleDelivered', data: { deliveredOn: d(deliveredOn) } }),
  refund: (refundId: string, amount: string, refundedOn: string): LoanCommand => ({
    type: 'RecordOverpaymentRefund',
    data: { refundId, amount: m(amount), refundedOn: d(refundedOn) },
  }),
};

/** Builds a `given` history by deciding commands one after another on the growing stream. */
export class LoanHistory {
  readonly events: LoanEvent[] = [];

  run(command: LoanCommand, on: string): this {
    this.events.push(...loanDecider.decide(command, this.state(), at(on)));
    return this;
  }
  open(overrides: Partial<OpenLoan['data']> = {}): this {
    return this.run(openLoan(overrides), overrides.originationDate ?? ORIGINATION);
  }
  /** A one-time debit scheduled, submitted and settled on `on`. */
  pay(paymentId: string, amount: string, on: string): this {
    return this.run(cmd.schedule(paymentId, amount, on), on).run(cmd.submit(paymentId), on).run(cmd.settle(paymentId, on), on);
  }
  /** Runs the daily cycle for every date from `from` to `to`, inclusive. */
  days(from: string, to: string): this {
    for (let date = d(from); date <= d(to); date = addDays(date, 1)) this.run(cmd.day(date), date);
    return this;
  }
  state(): LoanState {
    return fold(loanDecider, this.events);
  }
  opened(): OpenedLoanState {
    const state = this.state();
    if (state.status === 'NotOpened') throw new Error('history has no open loan');
    return state;
  }
}

export const history = (): LoanHistory => new LoanHistory();
export const openedLoan = (): LoanHistory => history().open();
