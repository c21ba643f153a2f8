import { deciderSpecification } from '../testing/decider-specification';
import { loanDecider } from './loan.decide';
import { at, cmd, d, history, openedLoan } from './testing/loan-fixtures';

const spec = deciderSpecification(loanDecider);
const paidOff = (titleState: string) => history().open({ titleState }).run(cmd.external('x1', '25088.90', '2026-01-30'), '2026-01-30');

describe('an active loan', () => {
  it('refuses a lien release with LIEN_NOT_REQUESTED', () => {
    spec.given(openedLoan().events).when(cmd.lienReleased('2026-02-01'), at('2026-02-01')).thenRefuses('RuleViolated', 'LIEN_NOT_REQUESTED');
  });
  it('refuses a mailed title with LIEN_NOT_RELEASED', () => {
    spec.given(openedLoan().events).when(cmd.titleMailed('2026-02-01'), at('2026-02-01')).thenRefuses('RuleViolated', 'LIEN_NOT_RELEASED');
  });
  it('refuses a delivered title with LIEN_NOT_RELEASED', () => {
    spec.given(openedLoan().events).when(cmd.titleDelivered('2026-02-01'), at('2026-02-01')).thenRefuses('RuleViolated', 'LIEN_NOT_RELEASED');
  });
});

describe('a paid-off loan with a PAPER lien release requested', () => {
  const given = paidOff('AL').events;

  it('records the release, with the paper title expected in the mail within 10 days', () => {
    spec.given(given).when(cmd.lienReleased('2026-02-03'), at('2026-02-04')).then([
      { type: 'LienReleased', data: { method: 'PAPER', releasedOn: d('2026-02-03'), expectedBy: d('2026-02-13') } },
    ]);
  });
  it('refuses a release dated after the business date with DATE_IN_FUTURE', () => {
    spec.given(given).when(cmd.lienReleased('2026-02-05'), at('2026-02-04')).thenRefuses('InvalidInput', 'DATE_IN_FUTURE');
  });
});

describe('a paid-off loan whose PAPER lien was released', () => {
  const given = paidOff('AL').run(cmd.lienReleased('2026-02-03'), '2026-02-03').events;

  it('refuses a second release with LIEN_ALREADY_RELEASED', () => {
    spec.given(given).when(cmd.lienReleased('2026-02-04'), at('2026-02-04')).thenRefuses('RuleViolated', 'LIEN_ALREADY_RELEASED');
  });
  it('records the mailed title with carrier, tracking number and delivery expected within 10 days', () => {
    spec.given(given).when(cmd.titleMailed('2026-02-05', 'UPS', '1Z999AA10123456784'), at('2026-02-05')).then([
      { type: 'TitleMailed', data: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', mailedOn: d('2026-02-05'), expectedBy: d('2026-02-15') } },
    ]);
  });
  it('refuses a mailed title without a tracking number with TRACKING_NUMBER_MISSING', () => {
    spec.given(given).when(cmd.titleMailed('2026-02-05', 'UPS', ' '), at('2026-02-05')).thenRefuses('InvalidInput', 'TRACKING_NUMBER_MISSING');
  });
  it('refuses a mailed title without a carrier with CARRIER_MISSING', () => {
    spec.given(given).when(cmd.titleMailed('2026-02-05', '', '1Z'), at('2026-02-05')).thenRefuses('InvalidInput', 'CARRIER_MISSING');
  });
  it('refuses a delivery before mailing with TITLE_NOT_MAILED', () => {
    spec.given(given).when(cmd.titleDelivered('2026-02-05'), at('2026-02-05')).thenRefuses('RuleViolated', 'TITLE_NOT_MAILED');
  });
});

describe('a paid-off loan whose paper title was mailed', () => {
  const given = paidOff('AL').run(cmd.lienReleased('2026-02-03'), '2026-02-03').run(cmd.titleMailed('2026-02-05'), '2026-02-05').events;

  it('refuses a second mailing with TITLE_ALREADY_MAILED', () => {
    spec.given(given).when(cmd.titleMailed('2026-02-06'), at('2026-02-06')).thenRefuses('RuleViolated', 'TITLE_ALREADY_MAILED');
  });
  it('records the delivery', () => {
    spec.given(given).when(cmd.titleDelivered('2026-02-09'), at('2026-02-09')).then([
      { type: 'TitleDelivered', data: { deliveredOn: d('2026-02-09') } },
    ]);
  });
  it('refuses a second delivery with TITLE_ALREADY_DELIVERED', () => {
    const delivered = paidOff('AL').run(cmd.lienReleased('2026-02-03'), '2026-02-03').run(cmd.titleMailed('2026-02-05'), '2026-02-05')
      .run(cmd.titleDelivered('2026-02-09'), '2026-02-09').events;
    spec.given(delivered).when(cmd.titleDelivered('2026-02-10'), at('2026-02-10')).thenRefuses('RuleViolated', 'TITLE_ALREADY_DELIVERED');
  });
});

describe('a paid-off loan whose ELECTRONIC lien was released', () => {
  const given = paidOff('TX').run(cmd.lienReleased('2026-02-03'), '2026-02-03').events;

  it('recorded the release with nothing to mail', () => {
    expect(given.at(-1)).toEqual({ type: 'LienReleased', data: { method: 'ELECTRONIC', releasedOn: d('2026-02-03'), expectedBy: null } });
  });
  it('refuses a mailed title with TITLE_IS_ELECTRONIC', () => {
    spec.given(given).when(cmd.titleMailed('2026-02-05'), at('2026-02-05')).thenRefuses('RuleViolated', 'TITLE_IS_ELECTRONIC');
  });
  it('records the delivery without a mailing', () => {
    spec.given(given).when(cmd.titleDelivered('2026-02-06'), at('2026-02-06')).then([{ type: 'TitleDelivered', data: { deliveredOn: d('2026-02-06') } }]);
  });
});
