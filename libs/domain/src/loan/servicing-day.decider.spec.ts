import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { at, cmd, d, history, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);
const DUE_1 = '2026-02-24';

describe('an active loan on the statement date of cycle 1 (21 days before 2026-02-24)', () => {
  const given = openedLoan().events;

  it('issues statement 1 for one installment', () => {
    spec.given(given).when(cmd.day('2026-02-03'), at('2026-02-03')).then([
      {
        type: 'StatementIssued',
        data: {
          cycle: 1, statementDate: d('2026-02-03'), dueDate: d(DUE_1), amountDue: '489.04', pastDue: '0.00', feesDue: '0.00',
          payoffOnDueDate: '25200.03',
        },
      },
    ]);
  });

  it('issues nothing the day before', () => {
    spec.given(given).when(cmd.day('2026-02-02'), at('2026-02-02')).then([]);
  });

  it('issues nothing when the same date is run twice', () => {
    const ran = openedLoan().run(cmd.day('2026-02-03'), '2026-02-03').events;
    spec.given(ran).when(cmd.day('2026-02-03'), at('2026-02-03')).then([]);
  });
});

describe('a loan whose first payment is only 15 days after origination', () => {
  it('issues statement 1 on the origination date (never before it)', () => {
    const given = history().open({ firstPaymentDate: d('2026-01-25') }).events;
    const [statement] = spec.given(given).when(cmd.day('2026-01-10'), at('2026-01-10')).thenEvents();
    expect(statement.type === 'StatementIssued' && [statement.data.cycle, statement.data.statementDate]).toEqual([1, '2026-01-10']);
  });
});

describe('a loan with a debit scheduled for its due date', () => {
  const given = openedLoan().run(cmd.schedule('p1', '489.04', DUE_1), '2026-02-01').events;

  it('submits the debit on its date', () => {
    spec.given(given).when(cmd.day(DUE_1), at(DUE_1)).then([{ type: 'PaymentSubmitted', data: { paymentId: 'p1', submittedOn: d(DUE_1) } }]);
  });

  it('submits nothing the day before', () => {
    const runDaily = openedLoan().run(cmd.schedule('p1', '489.04', DUE_1), '2026-02-01').days('2026-02-03', '2026-02-22').events;
    spec.given(runDaily).when(cmd.day('2026-02-23'), at('2026-02-23')).then([]);
  });

  it('charges no late fee when the pending debit is dated within the grace period', () => {
    const submitted = openedLoan().run(cmd.schedule('p1', '489.04', '2026-03-06'), '2026-02-01').days('2026-02-03', '2026-03-06').events;
    spec.given(submitted).when(cmd.day('2026-03-07'), at('2026-03-07')).then([]);
  });
});

describe('a loan whose cycle 1 installment is unpaid, run daily', () => {
  const given = openedLoan().days('2026-02-03', '2026-03-05').events;

  it('charges no late fee on the last day of grace (due date + 10)', () => {
    spec.given(given).when(cmd.day('2026-03-06'), at('2026-03-06')).then([]);
  });

  it('charges a late fee of 5% of the installment (24.45) the day after the grace period', () => {
    const lastGraceDay = openedLoan().days('2026-02-03', '2026-03-06').events;
    spec.given(lastGraceDay).when(cmd.day('2026-03-07'), at('2026-03-07')).then([
      {
        type: 'FeeCharged',
        data: {
          feeId: 'late-1', kind: 'LATE', amount: '24.45', cycle: 1,
          reason: 'Installment of cycle 1 due 2026-02-24 unpaid after the 10-day grace period', chargedOn: d('2026-03-07'),
        },
      },
    ]);
  });

  it('charges the late fee only once per cycle', () => {
    const charged = openedLoan().days('2026-02-03', '2026-03-07').events;
    spec.given(charged).when(cmd.day('2026-03-08'), at('2026-03-08')).then([]);
  });

  it('billed cycle 2 with the past-due installment, before any late fee', () => {
    const statement = openedLoan().days('2026-02-03', '2026-03-03').events.at(-1);
    expect(statement).toEqual({
      type: 'StatementIssued',
      data: {
        cycle: 2, statementDate: d('2026-03-03'), dueDate: d('2026-03-24'), amountDue: '978.08', pastDue: '489.04', feesDue: '0.00',
        payoffOnDueDate: '25324.50',
      },
    });
  });
});

describe('a loan unpaid since origination with the cycle 1 late fee charged, run daily', () => {
  const given = openedLoan().days('2026-02-03', '2026-04-02').events;

  it('bills cycle 3 with two past-due installments and the late fee', () => {
    spec.given(given).when(cmd.day('2026-04-03'), at('2026-04-03')).then([
      {
        type: 'StatementIssued',
        data: {
          cycle: 3, statementDate: d('2026-04-03'), dueDate: d('2026-04-24'), amountDue: '1491.57', pastDue: '978.08', feesDue: '24.45',
          payoffOnDueDate: '25486.75',
        },
      },
    ]);
  });
});

describe('a loan paid ahead by an extra installment, run daily', () => {
  it('charges no late fee for cycle 2 because received covers billed(2)', () => {
    const given = openedLoan().run(cmd.external('x1', '978.08', '2026-02-20'), '2026-02-20').days('2026-02-20', '2026-04-03').events;
    spec.given(given).when(cmd.day('2026-04-04'), at('2026-04-04')).then([]);
  });
});

describe('a loan whose payment paid a late fee first, run daily', () => {
  it('counts the whole payment against the installments: no second late fee (no pyramiding)', () => {
    const given = openedLoan()
      .days('2026-02-03', '2026-03-19')
      .run(cmd.external('x1', '978.08', '2026-03-20'), '2026-03-20')
      .days('2026-03-20', '2026-04-03').events;
    spec.given(given).when(cmd.day('2026-04-04'), at('2026-04-04')).then([]);
  });
});
