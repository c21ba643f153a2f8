import { isAfter, parseBusinessDate } from '../calendar/business-date';
import { assertInvariant, unreachable } from '../shared/assert';
import { Decider } from '../shared/decider';
import { invalidInput, ruleViolated } from '../shared/domain-error';
import { DEFAULT_ALERT_PREFERENCES, parseAlertPreferences, sameAlertPreferences } from './alert-preferences';
import { parseCustomerName, parseEmail, parseUsMobile } from './contact-details';
import { parseCreditBureau, parseCreditScore, parseCreditScoreModel } from './credit-score';
import {
  CustomerCommand,
  CustomerContext,
  RecordCreditScore,
  RegisterCustomer,
  UpdateAlertPreferences,
  UpdateContactDetails,
} from './customer.commands';
import { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { CustomerState, initialCustomerState, requireRegistered } from './customer.state';
import { decideLinkVehicle } from './link-vehicle.decide';

/**
 * Decides a customer command (STYLE.md rule 1): the events to append, or a DomainError. Each
 * command checks, in this order, its input (InvalidInput), that the customer exists (NotFound),
 * then the business rules (RuleViolated), so a bad request is told so before anything is looked up.
 * A command whose outcome already holds (the same preferences again) decides no events.
 */
export function decideCustomer(
  command: CustomerCommand,
  state: CustomerState,
  context: CustomerContext,
): CustomerEvent[] {
  switch (command.type) {
    case 'RegisterCustomer':
      return registerCustomer(command, state, context);
    case 'UpdateContactDetails':
      return updateContactDetails(command, state);
    case 'UpdateAlertPreferences':
      return updateAlertPreferences(command, state);
    case 'LinkVehicle':
      return decideLinkVehicle(command, state, context);
    case 'RecordCreditScore':
      return recordCreditScore(command, state, context);
    default:
      return unreachable(command, 'customer command');
  }
}

/** The customer stream's decider, for `handleCommand` and the given/when/then specifications. */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState, CustomerContext> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};

// A salted hash in any encoding is far longer than the 9 to 11 characters of an SSN, so this
// catches an application that passes the SSN itself by mistake; that is a bug, not bad input.
const SSN_HASH_FORMAT = /^\S{32,1024}$/;

function registerCustomer(
  { data }: RegisterCustomer,
  state: CustomerState,
  context: CustomerContext,
): CustomerEvent[] {
  const name = parseCustomerName(data.name);
  const email = parseEmail(data.email);
  const mobile = parseUsMobile(data.mobile);
  assertInvariant(
    typeof data.ssnHash === 'string' && SSN_HASH_FORMAT.test(data.ssnHash),
    'ssnHash must be a salted hash computed outside the domain, never the SSN',
  );
  if (state.status === 'Registered') {
    throw ruleViolated('CUSTOMER_ALREADY_REGISTERED', `Customer ${data.customerId} is already registered`);
  }
  const { customerId, ssnHash } = data;
  const alertPreferences = DEFAULT_ALERT_PREFERENCES;
  return [
    {
      type: 'CustomerRegistered',
      data: {
        customerId,
        name,
        email,
        mobile,
        ssnHash,
        alertPreferences,
        registeredOn: context.businessDate,
      },
    },
  ];
}

function updateContactDetails({ data }: UpdateContactDetails, state: CustomerState): CustomerEvent[] {
  if (data.email === undefined && data.mobile === undefined && data.mobileVerified === undefined) {
    throw invalidInput(
      'CONTACT_DETAILS_EMPTY',
      'Name an email, a mobile or mobileVerified to change',
      'email',
    );
  }
  const emailGiven = data.email === undefined ? undefined : parseEmail(data.email);
  const mobileGiven = data.mobile === undefined ? undefined : parseUsMobile(data.mobile);
  if (data.mobileVerified !== undefined && typeof data.mobileVerified !== 'boolean') {
    throw invalidInput('MOBILE_VERIFIED_FORMAT', 'mobileVerified must be true or false', 'mobileVerified');
  }
  const customer = requireRegistered(state, data.customerId);
  const email = emailGiven ?? customer.email;
  const mobile = mobileGiven ?? customer.mobile;
  // A verification belongs to a number: a new number starts unverified unless the caller vouches.
  const mobileVerified = data.mobileVerified ?? (mobile === customer.mobile && customer.mobileVerified);
  if (email === customer.email && mobile === customer.mobile && mobileVerified === customer.mobileVerified) {
    return [];
  }
  return [
    {
      type: 'ContactDetailsUpdated',
      data: { customerId: customer.customerId, email, mobile, mobileVerified },
    },
  ];
}

function updateAlertPreferences({ data }: UpdateAlertPreferences, state: CustomerState): CustomerEvent[] {
  const preferences = parseAlertPreferences(data.preferences);
  const customer = requireRegistered(state, data.customerId);
  if (sameAlertPreferences(preferences, customer.alertPreferences)) return [];
  return [{ type: 'AlertPreferencesUpdated', data: { customerId: customer.customerId, ...preferences } }];
}

/**
 * Records a bureau's report. A score cannot be as of a date after the business date. The same
 * report again (bureau, model, date and score) decides no events; a different score for the same
 * bureau, model and date is a correction and is recorded (the latest recorded one then counts).
 */
function recordCreditScore(
  { data }: RecordCreditScore,
  state: CustomerState,
  context: CustomerContext,
): CustomerEvent[] {
  const score = parseCreditScore(data.score);
  const model = parseCreditScoreModel(data.model);
  const bureau = parseCreditBureau(data.bureau);
  const asOf = parseBusinessDate(data.asOf, 'asOf');
  if (isAfter(asOf, context.businessDate)) {
    throw invalidInput(
      'CREDIT_SCORE_AS_OF_IN_FUTURE',
      `asOf must not be after the business date ${context.businessDate}`,
      'asOf',
    );
  }
  const customer = requireRegistered(state, data.customerId);
  const repeated = customer.creditScores.some(
    (record) =>
      record.bureau === bureau && record.model === model && record.asOf === asOf && record.score === score,
  );
  if (repeated) return [];
  return [
    { type: 'CreditScoreRecorded', data: { customerId: customer.customerId, score, model, bureau, asOf } },
  ];
}
