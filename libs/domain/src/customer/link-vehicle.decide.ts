import { invalidInput, notFound, ruleViolated } from '../shared/domain-error';
import { CustomerContext, LinkVehicle } from './customer.commands';
import { CustomerEvent } from './customer.events';
import { CustomerState, linkedVehicle, requireRegistered } from './customer.state';

/**
 * The SSN is checked before the loan is looked at, so that without the borrower's SSN nobody can
 * learn whether a VIN or account number exists. Messages never repeat the SSN, VIN or account.
 * Linking a loan that is already on the profile decides no events: the borrower's intent holds.
 */
export function decideLinkVehicle(
  { data }: LinkVehicle,
  state: CustomerState,
  context: CustomerContext,
): CustomerEvent[] {
  if (data.identifiedBy !== 'VIN' && data.identifiedBy !== 'ACCOUNT_NUMBER') {
    throw invalidInput(
      'VEHICLE_IDENTIFIER_UNKNOWN',
      'identifiedBy must be VIN or ACCOUNT_NUMBER',
      'identifiedBy',
    );
  }
  const customer = requireRegistered(state, data.customerId);
  // Fails closed: anything but an explicit `true` from the application is a mismatch.
  if (data.ssnMatches !== true) {
    throw ruleViolated('SSN_MISMATCH', 'The SSN given does not match the one on the customer profile');
  }
  const { loan, identifiedBy } = data;
  if (loan === null) {
    throw notFound(
      'LOAN_NOT_FOUND',
      `No loan has the ${identifiedBy === 'VIN' ? 'VIN' : 'account number'} given`,
    );
  }
  if (loan.customerId !== customer.customerId) {
    throw ruleViolated('LOAN_OF_ANOTHER_BORROWER', 'The loan named belongs to another borrower');
  }
  if (linkedVehicle(customer, loan.accountNumber)) return [];
  const { accountNumber, vin } = loan;
  return [
    {
      type: 'VehicleLinked',
      data: {
        customerId: customer.customerId,
        accountNumber,
        vin,
        identifiedBy,
        linkedOn: context.businessDate,
      },
    },
  ];
}
