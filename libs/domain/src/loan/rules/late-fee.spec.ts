import { parseBusinessDate } from '../../calendar/business-date';
import { Money } from '../../money/money';
import { lateFeeAmount, lateFeeDecision } from './late-fee';

const m = (text: string): Money => Money.parse(text);

describe('lateFeeAmount: 5% of the installment, at most 25.00', () => {
  // prettier-ignore
  const amounts: ReadonlyArray<[installment: string, fee: string, why: string]> = [
    ['489.04',   '24.45', '24.452'],
    ['41.67',     '2.08', '2.0835'],
    ['100.10',    '5.01', 'exactly 5.005: half-up'],
    ['100.50',    '5.03', 'exactly 5.025: half-up, not half-even 5.02'],
    ['499.99',   '25.00', '24.9995 rounds up to the cap'],
    ['500.00',   '25.00', 'exactly the cap'],
    ['600.00',   '25.00', '30.00 capped'],
    ['15933.10', '25.00', '796.655 capped'],
    ['0.00',      '0.00', 'nothing'],
  ];
  it.each(amounts)('an installment of %s carries a late fee of %s (%s)', (installment, fee) => {
    expect(lateFeeAmount(m(installment)).toString()).toBe(fee);
  });
});

// Installment 489.04; rows in precedence order: already charged, grace not passed, covered, charge.
describe('lateFeeDecision: cycle k after its due date', () => {
  // prettier-ignore
  const decisions: ReadonlyArray<
    [history: string, cycle: number, due: string, asOf: string, grace: number, received: string, pending: string, charged: boolean, outcome: string]
  > = [
    ['fee already charged for the cycle',   1, '2026-03-15', '2026-04-01', 10,    '0.00',   '0.00', true,  'ALREADY_CHARGED_FOR_CYCLE'],
    ['on the due date',                     1, '2026-03-15', '2026-03-15', 10,    '0.00',   '0.00', false, 'GRACE_PERIOD_NOT_PASSED'],
    ['on the last day of grace',            1, '2026-03-15', '2026-03-25', 10,    '0.00',   '0.00', false, 'GRACE_PERIOD_NOT_PASSED'],
    ['month end, last day of grace',        1, '2026-02-28', '2026-03-10', 10,    '0.00',   '0.00', false, 'GRACE_PERIOD_NOT_PASSED'],
    ['leap day, last day of grace',         1, '2028-02-29', '2028-03-10', 10,    '0.00',   '0.00', false, 'GRACE_PERIOD_NOT_PASSED'],
    ['paid on time',                        1, '2026-03-15', '2026-03-26', 10,  '489.04',   '0.00', false, 'INSTALLMENTS_COVERED'],
    ['paid ahead',                          2, '2026-04-15', '2026-04-26', 10, '1467.12',   '0.00', false, 'INSTALLMENTS_COVERED'],
    ['partial paid, rest pending in grace', 1, '2026-03-15', '2026-03-26', 10,  '300.00', '189.04', false, 'INSTALLMENTS_COVERED'],
    ['installments paid, part went to fee', 2, '2026-04-15', '2026-04-26', 10,  '978.08',   '0.00', false, 'INSTALLMENTS_COVERED'],
    ['nothing paid, day after grace',       1, '2026-03-15', '2026-03-26', 10,    '0.00',   '0.00', false, '24.45'],
    ['one cent short',                      1, '2026-03-15', '2026-03-26', 10,  '489.03',   '0.00', false, '24.45'],
    ['pending one cent short',              1, '2026-03-15', '2026-03-26', 10,  '300.00', '189.03', false, '24.45'],
    ['second cycle missed',                 2, '2026-04-15', '2026-04-26', 10,  '489.04',   '0.00', false, '24.45'],
    ['month end, day after grace',          1, '2026-02-28', '2026-03-11', 10,    '0.00',   '0.00', false, '24.45'],
    ['leap day, day after grace',           1, '2028-02-29', '2028-03-11', 10,    '0.00',   '0.00', false, '24.45'],
    ['no grace, day after due',             1, '2026-03-15', '2026-03-16',  0,    '0.00',   '0.00', false, '24.45'],
  ];
  it.each(decisions)(
    '%s: cycle %i due %s, on %s (grace %i, received %s, pending %s, charged %p) -> %s',
    (_history, cycle, due, asOf, graceDays, received, pending, alreadyCharged, outcome) => {
      const decision = lateFeeDecision({
        cycle,
        dueDate: parseBusinessDate(due),
        asOf: parseBusinessDate(asOf),
        installment: m('489.04'),
        received: m(received),
        pendingEffectiveOnOrBeforeGraceEnd: m(pending),
        alreadyCharged,
        graceDays,
      });
      expect(decision.charge ? decision.amount.toString() : decision.reason).toBe(outcome);
    },
  );
});
