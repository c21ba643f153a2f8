import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { at, cmd, d, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);

describe('an active loan without fees', () => {
  const given = openedLoan().events;

  it('charges a servicer fee of kind OTHER', () => {
    spec.given(given).when(cmd.chargeFee('f1', '30.00', 'Duplicate title'), at('2026-01-20')).then([
      { type: 'FeeCharged', data: { feeId: 'f1', kind: 'OTHER', amount: '30.00', cycle: null, reason: 'Duplicate title', chargedOn: d('2026-01-20') } },
    ]);
  });
  it('refuses a zero fee with FEE_AMOUNT_NOT_POSITIVE', () => {
    spec.given(given).when(cmd.chargeFee('f1', '0.00'), at('2026-01-20')).thenRefuses('InvalidInput', 'FEE_AMOUNT_NOT_POSITIVE');
  });
  it('refuses a fee without a reason with FEE_REASON_MISSING', () => {
    spec.given(given).when(cmd.chargeFee('f1', '5.00', ' '), at('2026-01-20')).thenRefuses('InvalidInput', 'FEE_REASON_MISSING');
  });
  it('refuses to waive an unknown fee with FEE_NOT_FOUND', () => {
    spec.given(given).when(cmd.waiveFee('f9'), at('2026-01-20')).thenRefuses('NotFound', 'FEE_NOT_FOUND');
  });
});

describe('an active loan with an unpaid 30.00 fee', () => {
  const given = openedLoan().run(cmd.chargeFee('f1', '30.00'), '2026-01-20').events;

  it('refuses the same fee id again with FEE_ALREADY_EXISTS', () => {
    spec.given(given).when(cmd.chargeFee('f1', '5.00'), at('2026-01-21')).thenRefuses('RuleViolated', 'FEE_ALREADY_EXISTS');
  });
  it('waives the whole unpaid amount', () => {
    spec.given(given).when(cmd.waiveFee('f1', 'Goodwill'), at('2026-01-21')).then([
      { type: 'FeeWaived', data: { feeId: 'f1', amount: '30.00', reason: 'Goodwill', waivedOn: d('2026-01-21') } },
    ]);
  });
  it('refuses a waiver without a reason with WAIVER_REASON_MISSING', () => {
    spec.given(given).when(cmd.waiveFee('f1', ''), at('2026-01-21')).thenRefuses('InvalidInput', 'WAIVER_REASON_MISSING');
  });
  it('refuses a second waiver with FEE_ALREADY_WAIVED', () => {
    const waived = openedLoan().run(cmd.chargeFee('f1', '30.00'), '2026-01-20').run(cmd.waiveFee('f1'), '2026-01-21').events;
    spec.given(waived).when(cmd.waiveFee('f1'), at('2026-01-22')).thenRefuses('RuleViolated', 'FEE_ALREADY_WAIVED');
  });
});

describe('an active loan whose fee was partly paid', () => {
  const given = openedLoan().run(cmd.chargeFee('f1', '30.00'), '2026-01-20').run(cmd.external('x1', '10.00', '2026-01-21'), '2026-01-21').events;

  it('waives only the unpaid 20.00', () => {
    const [waived] = spec.given(given).when(cmd.waiveFee('f1'), at('2026-01-22')).thenEvents();
    expect(waived.type === 'FeeWaived' && waived.data.amount).toBe('20.00');
  });
});

describe('an active loan whose fee was fully paid', () => {
  const given = openedLoan().run(cmd.chargeFee('f1', '30.00'), '2026-01-20').run(cmd.external('x1', '30.00', '2026-01-21'), '2026-01-21').events;

  it('refuses a waiver with FEE_ALREADY_PAID', () => {
    spec.given(given).when(cmd.waiveFee('f1'), at('2026-01-22')).thenRefuses('RuleViolated', 'FEE_ALREADY_PAID');
  });
});

describe('a paid-off loan', () => {
  it('refuses a new fee with LOAN_PAID_OFF', () => {
    const paidOff = openedLoan().run(cmd.external('x1', '25088.90', '2026-01-30'), '2026-01-30').events;
    spec.given(paidOff).when(cmd.chargeFee('f1', '5.00'), at('2026-02-01')).thenRefuses('RuleViolated', 'LOAN_PAID_OFF');
  });
});
