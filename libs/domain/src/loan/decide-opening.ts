import { addDays, compareDates, daysBetween } from '../calendar/business-date';
import { Money } from '../money/money';
import { invalidInput, ruleViolated } from '../shared/domain-error';
import { installmentAmount } from './rules/installment';
import { maturityDate } from './rules/due-dates';
import { requireText } from './decide-guards';
import { LoanContext, OpenLoan } from './loan.commands';
import { LoanEvent, LoanTermsData } from './loan.events';
import { LoanState } from './loan.state';
import { US_STATE_CODES } from './us-states';
import { parseVin } from './vin';

const PRINCIPAL_MIN = Money.parse('500.00');
const PRINCIPAL_MAX = Money.parse('500000.00');

/*
 * The servicing defaults a loan is opened with. They are copied into LoanOpened.terms, so a later
 * change here never rewrites an existing loan (docs/servicing-rules.md, introduction).
 */
const DEFAULTS = {
  lateFee: { graceDays: 10, percent: '5', cap: '25.00' },
  returnedPaymentFee: '25.00',
  statementLeadDays: 21,
  reminderLeadDays: 7,
};

/**
 * Opens a loan: checks the ranges of docs/servicing-rules.md "Opening a loan" (principal, term,
 * first payment date 15 to 60 days after origination, VIN check digit, title state) and records
 * the terms with the installment and maturity date computed once.
 */
export function openLoan(command: OpenLoan, state: LoanState, context: LoanContext): LoanEvent[] {
  if (state.status !== 'NotOpened') throw ruleViolated('LOAN_ALREADY_OPENED', 'This account number already has a loan');
  const { data } = command;
  validateOpening(command, context);
  const terms: LoanTermsData = {
    principal: data.principal.toString(),
    apr: data.apr.toString(),
    termMonths: data.termMonths,
    installment: installmentAmount(data.principal, data.apr, data.termMonths).toString(),
    originationDate: data.originationDate,
    firstPaymentDate: data.firstPaymentDate,
    maturityDate: maturityDate(data.firstPaymentDate, data.termMonths),
    ...DEFAULTS,
    lateFee: { ...DEFAULTS.lateFee },
  };
  return [
    {
      type: 'LoanOpened',
      data: {
        accountNumber: data.accountNumber,
        customerId: data.customerId,
        vehicle: { ...data.vehicle },
        titleState: data.titleState,
        terms,
        openedOn: context.businessDate,
      },
    },
  ];
}

function validateOpening({ data }: OpenLoan, context: LoanContext): void {
  if (data.principal.lt(PRINCIPAL_MIN) || data.principal.gt(PRINCIPAL_MAX)) {
    throw invalidInput('PRINCIPAL_OUT_OF_RANGE', 'principal must be 500.00 to 500000.00', 'principal');
  }
  if (!Number.isSafeInteger(data.termMonths) || data.termMonths < 12 || data.termMonths > 96) {
    throw invalidInput('TERM_OUT_OF_RANGE', 'termMonths must be a whole number from 12 to 96', 'termMonths');
  }
  if (compareDates(data.originationDate, context.businessDate) > 0) {
    throw invalidInput('ORIGINATION_DATE_IN_FUTURE', 'originationDate must not be after the business date', 'originationDate');
  }
  const lead = daysBetween(data.originationDate, data.firstPaymentDate);
  if (lead < 15 || lead > 60) {
    throw invalidInput(
      'FIRST_PAYMENT_DATE_OUT_OF_RANGE',
      `firstPaymentDate must be 15 to 60 days after the origination date (${addDays(data.originationDate, 15)} to ${addDays(data.originationDate, 60)})`,
      'firstPaymentDate',
    );
  }
  parseVin(data.vehicle.vin);
  validateVehicle(data.vehicle, context);
  if (!US_STATE_CODES.has(data.titleState)) {
    throw invalidInput('TITLE_STATE_UNKNOWN', 'titleState must be a US state code such as "TX"', 'titleState');
  }
  requireText(data.customerId, 'CUSTOMER_ID_MISSING', 'customerId');
}

function validateVehicle(vehicle: OpenLoan['data']['vehicle'], context: LoanContext): void {
  // Model years run at most one year ahead of the calendar (a 2027 model is sold in 2026).
  const latestModelYear = Number(context.businessDate.slice(0, 4)) + 1;
  if (!Number.isSafeInteger(vehicle.year) || vehicle.year < 1981 || vehicle.year > latestModelYear) {
    throw invalidInput('VEHICLE_YEAR_OUT_OF_RANGE', `vehicle.year must be 1981 to ${latestModelYear}`, 'vehicle.year');
  }
  requireText(vehicle.make, 'VEHICLE_MAKE_MISSING', 'vehicle.make');
  requireText(vehicle.model, 'VEHICLE_MODEL_MISSING', 'vehicle.model');
}
