import { BusinessDate, parseBusinessDate } from '../calendar/business-date';
import { parseInstant } from '../calendar/instant';
import { deciderSpecification } from '../testing/decider-specification';
import { DEFAULT_ALERT_PREFERENCES } from './alert-preferences';
import { CustomerName, EmailAddress, UsMobileNumber } from './contact-details';
import { parseCustomerId } from './customer-id';
import { CustomerContext, LinkVehicle, LoanToLink, RecordCreditScore } from './customer.commands';
import { customerDecider } from './customer.decide';
import { CustomerRegistered, CreditScoreRecorded, VehicleLinked } from './customer.events';

/**
 * Shared givens for the customer specifications: one borrower, Ana, registered on 2026-03-02,
 * and the two loans she and another borrower hold. Only test files import this module.
 */
export const spec = deciderSpecification(customerDecider);

export const customerId = parseCustomerId('C-1001');
export const otherCustomerId = parseCustomerId('C-2002');
export const registeredOn = parseBusinessDate('2026-03-02');
export const context: CustomerContext = {
  businessDate: registeredOn,
  now: parseInstant('2026-03-02T14:05:00.000Z'),
};
/** A day later, for decisions taken after registration. */
export const nextDay: CustomerContext = {
  businessDate: parseBusinessDate('2026-03-03'),
  now: parseInstant('2026-03-03T09:30:00.000Z'),
};

// The shape an application might store: algorithm, salt and digest. Never an SSN.
export const ssnHash =
  'scrypt$N=16384,r=8,p=1$c2FsdC1mb3ItYW5h$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

export const customerRegistered: CustomerRegistered = {
  type: 'CustomerRegistered',
  data: {
    customerId,
    name: 'Ana López' as CustomerName,
    email: 'ana.lopez@example.com' as EmailAddress,
    mobile: '+12025550143' as UsMobileNumber,
    ssnHash,
    alertPreferences: DEFAULT_ALERT_PREFERENCES,
    registeredOn,
  },
};

export const anasLoan: LoanToLink = { accountNumber: '4400123456', vin: '1HGCM82633A004352', customerId };
export const anasSecondLoan: LoanToLink = {
  accountNumber: '4400987654',
  vin: '5YJ3E1EA7KF317000',
  customerId,
};
export const anotherBorrowersLoan: LoanToLink = {
  accountNumber: '4400555555',
  vin: '1FTFW1ET5DFC10312',
  customerId: otherCustomerId,
};

export const linkVehicle = (data: Partial<LinkVehicle['data']> = {}): LinkVehicle => ({
  type: 'LinkVehicle',
  data: { customerId, ssnMatches: true, loan: anasLoan, identifiedBy: 'VIN', ...data },
});

export const vehicleLinked = (
  loan: LoanToLink,
  linkedOn: BusinessDate = nextDay.businessDate,
): VehicleLinked => ({
  type: 'VehicleLinked',
  data: { customerId, accountNumber: loan.accountNumber, vin: loan.vin, identifiedBy: 'VIN', linkedOn },
});

export const recordCreditScore = (data: Partial<RecordCreditScore['data']> = {}): RecordCreditScore => ({
  type: 'RecordCreditScore',
  data: {
    customerId,
    score: 742,
    model: 'FICO Score 8',
    bureau: 'EXPERIAN',
    asOf: parseBusinessDate('2026-02-27'),
    ...data,
  },
});

export const creditScoreRecorded = (
  data: Partial<CreditScoreRecorded['data']> = {},
): CreditScoreRecorded => ({
  type: 'CreditScoreRecorded',
  data: {
    customerId,
    score: 742,
    model: 'FICO Score 8',
    bureau: 'EXPERIAN',
    asOf: parseBusinessDate('2026-02-27'),
    ...data,
  },
});
