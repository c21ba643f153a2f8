import { BusinessDate, parseBusinessDate } from '../calendar/business-date';
import { CreditBureau } from './credit-score';
import {
  creditScoreRecorded,
  customerRegistered,
  nextDay,
  recordCreditScore,
  spec,
} from './customer.fixtures';

describe('RecordCreditScore', () => {
  describe('a customer not yet registered', () => {
    it('refuses as CUSTOMER_NOT_FOUND', () => {
      spec.given([]).when(recordCreditScore(), nextDay).thenRefuses('NotFound', 'CUSTOMER_NOT_FOUND');
    });
  });

  describe('a registered customer with no score', () => {
    const given = spec.given([customerRegistered]);

    it('records the score with its model, bureau and date', () => {
      given.when(recordCreditScore(), nextDay).then([creditScoreRecorded()]);
    });

    it.each([300, 850])('records the bound %d', (score) => {
      given.when(recordCreditScore({ score }), nextDay).then([creditScoreRecorded({ score })]);
    });

    it('records a score as of the business date itself', () => {
      const asOf = nextDay.businessDate;
      given.when(recordCreditScore({ asOf }), nextDay).then([creditScoreRecorded({ asOf })]);
    });

    it.each([299, 851, 0, -700, 742.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses the score %d as CREDIT_SCORE_OUT_OF_RANGE',
      (score) => {
        given
          .when(recordCreditScore({ score }), nextDay)
          .thenRefuses('InvalidInput', 'CREDIT_SCORE_OUT_OF_RANGE');
      },
    );

    it('refuses a score sent as text as CREDIT_SCORE_OUT_OF_RANGE', () => {
      const score = '742' as unknown as number;
      given
        .when(recordCreditScore({ score }), nextDay)
        .thenRefuses('InvalidInput', 'CREDIT_SCORE_OUT_OF_RANGE');
    });

    it.each(['', '   ', ' FICO Score 8', 'F'.repeat(65)])(
      'refuses the model "%s" as CREDIT_SCORE_MODEL_FORMAT',
      (model) => {
        given
          .when(recordCreditScore({ model }), nextDay)
          .thenRefuses('InvalidInput', 'CREDIT_SCORE_MODEL_FORMAT');
      },
    );

    it.each(['INNOVIS', 'experian', ''])('refuses the bureau "%s" as CREDIT_BUREAU_UNKNOWN', (bureau) => {
      const command = recordCreditScore({ bureau: bureau as CreditBureau });
      given.when(command, nextDay).thenRefuses('InvalidInput', 'CREDIT_BUREAU_UNKNOWN');
    });

    it('refuses a score as of a day after the business date as CREDIT_SCORE_AS_OF_IN_FUTURE', () => {
      const asOf = parseBusinessDate('2026-03-04');
      given
        .when(recordCreditScore({ asOf }), nextDay)
        .thenRefuses('InvalidInput', 'CREDIT_SCORE_AS_OF_IN_FUTURE');
    });

    it('refuses an impossible as-of date as DATE_IMPOSSIBLE', () => {
      const asOf = '2026-02-30' as BusinessDate;
      given.when(recordCreditScore({ asOf }), nextDay).thenRefuses('InvalidInput', 'DATE_IMPOSSIBLE');
    });
  });

  describe('a registered customer with a score recorded', () => {
    const given = spec.given([customerRegistered, creditScoreRecorded()]);

    it('records nothing when the same report arrives again', () => {
      given.when(recordCreditScore(), nextDay).then([]);
    });

    it('records a corrected score for the same bureau, model and date', () => {
      given.when(recordCreditScore({ score: 751 }), nextDay).then([creditScoreRecorded({ score: 751 })]);
    });

    it("records another bureau's report of the same score", () => {
      given
        .when(recordCreditScore({ bureau: 'TRANSUNION' }), nextDay)
        .then([creditScoreRecorded({ bureau: 'TRANSUNION' })]);
    });

    it('records the same score under another model', () => {
      const model = 'FICO Auto Score 9';
      given.when(recordCreditScore({ model }), nextDay).then([creditScoreRecorded({ model })]);
    });
  });
});
