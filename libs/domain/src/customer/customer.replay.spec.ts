import fc from 'fast-check';
import { addDays } from '../calendar/business-date';
import { parseInstant } from '../calendar/instant';
import { fold } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { ALERT_KINDS, AlertChannels, AlertPreferences } from './alert-preferences';
import { CREDIT_BUREAUS } from './credit-score';
import { CustomerCommand, CustomerContext } from './customer.commands';
import { customerDecider } from './customer.decide';
import { CustomerEvent } from './customer.events';
import { CustomerState } from './customer.state';
import {
  anasLoan,
  anasSecondLoan,
  anotherBorrowersLoan,
  context,
  customerId,
  ssnHash,
} from './customer.fixtures';

// Small pools so that random histories hit repeats, idempotent no-ops and refusals often.
const emails = ['ana.lopez@example.com', 'ana@example.org', 'not-an-email'];
const mobiles = ['+12025550143', '+13125550178', '+10255550143'];
const channels: fc.Arbitrary<AlertChannels> = fc.record({ email: fc.boolean(), text: fc.boolean() });
const preferences = fc.record(
  Object.fromEntries(ALERT_KINDS.map((kind) => [kind, channels])) as Record<
    keyof AlertPreferences,
    typeof channels
  >,
);

const command: fc.Arbitrary<CustomerCommand> = fc.oneof(
  fc
    .record({ email: fc.constantFrom(...emails), mobile: fc.constantFrom(...mobiles) })
    .map(({ email, mobile }): CustomerCommand => ({
      type: 'RegisterCustomer',
      data: { customerId, name: 'Ana López', email, mobile, ssnHash },
    })),
  fc
    .record(
      {
        email: fc.constantFrom(...emails),
        mobile: fc.constantFrom(...mobiles),
        mobileVerified: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((data): CustomerCommand => ({ type: 'UpdateContactDetails', data: { customerId, ...data } })),
  preferences.map((chosen): CustomerCommand => ({
    type: 'UpdateAlertPreferences',
    data: { customerId, preferences: chosen },
  })),
  fc
    .record({
      ssnMatches: fc.boolean(),
      loan: fc.constantFrom(anasLoan, anasSecondLoan, anotherBorrowersLoan, null),
      identifiedBy: fc.constantFrom('VIN' as const, 'ACCOUNT_NUMBER' as const),
    })
    .map((data): CustomerCommand => ({ type: 'LinkVehicle', data: { customerId, ...data } })),
  fc
    .record({
      score: fc.integer({ min: 280, max: 870 }),
      model: fc.constantFrom('FICO Score 8', 'FICO Auto Score 9'),
      bureau: fc.constantFrom(...CREDIT_BUREAUS),
      daysBefore: fc.integer({ min: -2, max: 60 }),
    })
    .map(({ daysBefore, ...data }): CustomerCommand => ({
      type: 'RecordCreditScore',
      data: { customerId, ...data, asOf: addDays(context.businessDate, -daysBefore) },
    })),
);

// Each command is decided on its own business day, the way the ledger dates commands.
const contextOfDay = (day: number): CustomerContext => {
  const businessDate = addDays(context.businessDate, day);
  return { businessDate, now: parseInstant(`${businessDate}T12:00:00.000Z`) };
};

/** Decides and folds one command at a time, as the application does; a refusal writes nothing. */
function buildStepByStep(commands: CustomerCommand[]): { state: CustomerState; events: CustomerEvent[] } {
  let state = customerDecider.initialState();
  const events: CustomerEvent[] = [];
  commands.forEach((next, day) => {
    try {
      const decided = customerDecider.decide(next, state, contextOfDay(day));
      state = decided.reduce(customerDecider.evolve, state);
      events.push(...decided);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  });
  return { state, events };
}

describe('a customer history', () => {
  it('replays from its events to the state it was built up to step by step', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const { state, events } = buildStepByStep(commands);
        expect(fold(customerDecider, events)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('decides no events when a command that was just accepted is sent again', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 20 }), command, (history, retried) => {
        // A second registration is refused by design (CUSTOMER_ALREADY_REGISTERED).
        fc.pre(retried.type !== 'RegisterCustomer');
        const { state } = buildStepByStep(history);
        const retriedOn = contextOfDay(history.length);
        let decided: CustomerEvent[];
        try {
          decided = customerDecider.decide(retried, state, retriedOn);
        } catch (error) {
          if (isDomainError(error)) return;
          throw error;
        }
        const after = decided.reduce(customerDecider.evolve, state);
        expect(customerDecider.decide(retried, after, retriedOn)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('folds any sequence of recorded facts without throwing, even out of order', () => {
    const facts = fc.array(command, { maxLength: 30 }).map((commands) =>
      // Decide each command on a fresh registered customer, so facts arrive in any order.
      commands.flatMap((next) => buildStepByStep([registration, next]).events),
    );
    fc.assert(
      fc.property(facts, (events) => {
        const state = fold(customerDecider, events);
        const accounts =
          state.status === 'Registered' ? state.vehicles.map((vehicle) => vehicle.accountNumber) : [];
        expect(new Set(accounts).size).toBe(accounts.length);
      }),
      { numRuns: 300 },
    );
  });
});

const registration: CustomerCommand = {
  type: 'RegisterCustomer',
  data: { customerId, name: 'Ana López', email: 'ana.lopez@example.com', mobile: '+12025550143', ssnHash },
};
