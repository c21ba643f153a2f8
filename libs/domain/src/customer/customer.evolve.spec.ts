import { parseBusinessDate } from '../calendar/business-date';
import { fold } from '../shared/decider';
import { DEFAULT_ALERT_PREFERENCES } from './alert-preferences';
import { customerDecider } from './customer.decide';
import { CustomerState, RegisteredCustomer, latestCreditScore } from './customer.state';
import {
  anasLoan,
  anasSecondLoan,
  creditScoreRecorded,
  customerId,
  customerRegistered,
  vehicleLinked,
} from './customer.fixtures';
import { CustomerEvent } from './customer.events';

const replay = (events: CustomerEvent[]): CustomerState => fold(customerDecider, events);

const registered = (events: CustomerEvent[]): RegisteredCustomer => {
  const state = replay([customerRegistered, ...events]);
  if (state.status !== 'Registered') throw new Error('expected a registered customer');
  return state;
};

describe('evolveCustomer', () => {
  describe('a stream with no events', () => {
    it('is an unregistered customer', () => {
      expect(replay([])).toEqual({ status: 'Unregistered' });
    });

    it('ignores facts recorded before a registration instead of throwing', () => {
      expect(replay([vehicleLinked(anasLoan), creditScoreRecorded()])).toEqual({ status: 'Unregistered' });
    });
  });

  describe('a registered customer', () => {
    it('holds the registered details, an unverified mobile and the default preferences', () => {
      expect(registered([])).toMatchObject({
        customerId,
        mobileVerified: false,
        ssnHash: customerRegistered.data.ssnHash,
        alertPreferences: DEFAULT_ALERT_PREFERENCES,
        vehicles: [],
        creditScores: [],
      });
    });

    it('keeps the first registration when a second one was recorded', () => {
      const second = { ...customerRegistered, data: { ...customerRegistered.data, name: 'Someone Else' } };
      expect(registered([second as CustomerEvent]).name).toBe('Ana López');
    });

    it('lists each linked loan once, in the order linked', () => {
      const state = registered([
        vehicleLinked(anasLoan),
        vehicleLinked(anasSecondLoan),
        vehicleLinked(anasLoan),
      ]);
      expect(state.vehicles.map((vehicle) => vehicle.accountNumber)).toEqual([
        anasLoan.accountNumber,
        anasSecondLoan.accountNumber,
      ]);
    });
  });

  describe('a registered customer with credit scores', () => {
    it('has no latest score before the first is recorded', () => {
      expect(latestCreditScore(registered([]))).toBeUndefined();
    });

    it('takes the latest as-of date as the latest score, whatever the order recorded', () => {
      const newer = creditScoreRecorded({ score: 760, asOf: parseBusinessDate('2026-03-01') });
      const older = creditScoreRecorded({ score: 700, asOf: parseBusinessDate('2025-12-01') });
      expect(latestCreditScore(registered([newer, older]))?.score).toBe(760);
    });

    it('takes a correction recorded later for the same date as the latest score', () => {
      const state = registered([creditScoreRecorded({ score: 742 }), creditScoreRecorded({ score: 751 })]);
      expect(latestCreditScore(state)?.score).toBe(751);
      expect(state.creditScores).toHaveLength(2);
    });
  });
});
