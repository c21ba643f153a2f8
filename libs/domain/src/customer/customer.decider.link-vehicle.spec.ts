import { DomainError } from '../shared/domain-error';
import { VehicleIdentifiedBy } from './customer.events';
import {
  anasLoan,
  anasSecondLoan,
  anotherBorrowersLoan,
  customerRegistered,
  linkVehicle,
  nextDay,
  spec,
  vehicleLinked,
} from './customer.fixtures';

describe('LinkVehicle', () => {
  describe('a customer not yet registered', () => {
    it('refuses as CUSTOMER_NOT_FOUND', () => {
      spec.given([]).when(linkVehicle(), nextDay).thenRefuses('NotFound', 'CUSTOMER_NOT_FOUND');
    });
  });

  describe('a registered customer with no vehicle', () => {
    const given = spec.given([customerRegistered]);

    it('links the loan named by VIN on the business date', () => {
      given.when(linkVehicle(), nextDay).then([vehicleLinked(anasLoan)]);
    });

    it('links the loan named by account number and records how it was named', () => {
      const [linked] = given.when(linkVehicle({ identifiedBy: 'ACCOUNT_NUMBER' }), nextDay).then([
        {
          ...vehicleLinked(anasLoan),
          data: { ...vehicleLinked(anasLoan).data, identifiedBy: 'ACCOUNT_NUMBER' },
        },
      ]);
      expect(linked.type).toBe('VehicleLinked');
    });

    it('refuses when the SSN does not match, as SSN_MISMATCH', () => {
      given.when(linkVehicle({ ssnMatches: false }), nextDay).thenRefuses('RuleViolated', 'SSN_MISMATCH');
    });

    it('says nothing of the SSN, VIN or account number when the SSN does not match', () => {
      const refusal = refusalOf(() => given.when(linkVehicle({ ssnMatches: false }), nextDay).thenEvents());
      expect(refusal.message).not.toMatch(/[0-9]/);
      expect(refusal.message).not.toContain(anasLoan.vin);
    });

    it('refuses when no loan has the VIN or account number, as LOAN_NOT_FOUND', () => {
      given.when(linkVehicle({ loan: null }), nextDay).thenRefuses('NotFound', 'LOAN_NOT_FOUND');
    });

    it("refuses another borrower's loan as LOAN_OF_ANOTHER_BORROWER", () => {
      given
        .when(linkVehicle({ loan: anotherBorrowersLoan }), nextDay)
        .thenRefuses('RuleViolated', 'LOAN_OF_ANOTHER_BORROWER');
    });

    it('refuses an identification other than VIN or ACCOUNT_NUMBER as VEHICLE_IDENTIFIER_UNKNOWN', () => {
      const identifiedBy = 'PLATE' as VehicleIdentifiedBy;
      given
        .when(linkVehicle({ identifiedBy }), nextDay)
        .thenRefuses('InvalidInput', 'VEHICLE_IDENTIFIER_UNKNOWN');
    });

    // Test errors by descending precedence: each row breaks every rule below it too, and gets its own.
    // The SSN comes before the loan so that nobody without it can probe which VINs exist.
    it.each`
      ssnMatches | loan                    | named                        | kind              | reason
      ${false}   | ${null}                 | ${'no loan'}                 | ${'RuleViolated'} | ${'SSN_MISMATCH'}
      ${false}   | ${anotherBorrowersLoan} | ${"another borrower's loan"} | ${'RuleViolated'} | ${'SSN_MISMATCH'}
      ${true}    | ${null}                 | ${'no loan'}                 | ${'NotFound'}     | ${'LOAN_NOT_FOUND'}
      ${true}    | ${anotherBorrowersLoan} | ${"another borrower's loan"} | ${'RuleViolated'} | ${'LOAN_OF_ANOTHER_BORROWER'}
    `('refuses ssnMatches $ssnMatches naming $named as $reason', ({ ssnMatches, loan, kind, reason }) => {
      given.when(linkVehicle({ ssnMatches, loan }), nextDay).thenRefuses(kind, reason);
    });
  });

  describe('a registered customer with the vehicle already linked', () => {
    const given = spec.given([customerRegistered, vehicleLinked(anasLoan)]);

    it('records nothing when the same loan is linked again', () => {
      given.when(linkVehicle(), nextDay).then([]);
    });

    it('records nothing when it is named by account number this time', () => {
      given.when(linkVehicle({ identifiedBy: 'ACCOUNT_NUMBER' }), nextDay).then([]);
    });

    it('still refuses a repeated link without the SSN, as SSN_MISMATCH', () => {
      given.when(linkVehicle({ ssnMatches: false }), nextDay).thenRefuses('RuleViolated', 'SSN_MISMATCH');
    });

    it('links a second loan of the same borrower', () => {
      given.when(linkVehicle({ loan: anasSecondLoan }), nextDay).then([vehicleLinked(anasSecondLoan)]);
    });
  });
});

function refusalOf(decide: () => unknown): DomainError {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a refusal');
}
