import { addDays } from '../calendar/business-date';
import { ruleViolated } from '../shared/domain-error';
import { requireNotAfter, requireOpened, requireText } from './decide-guards';
import { LoanContext, RecordLienReleased, RecordTitleDelivered, RecordTitleMailed } from './loan.commands';
import { LoanEvent } from './loan.events';
import { LoanState } from './loan.state';

/** A paper title is expected in the mail within 10 days of the release (docs/servicing-rules.md). */
export const TITLE_MAILING_EXPECTED_DAYS = 10;
/** A mailed title is expected delivered within 10 days (our choice: tracked carriers, docs/decisions). */
export const TITLE_DELIVERY_EXPECTED_DAYS = 10;

/**
 * Title tracking: lien release requested -> lien released -> (PAPER) title mailed -> title
 * delivered. An ELECTRONIC title is sent by the state, so it skips the mailing step.
 * docs/servicing-rules.md, "Payoff, lien release and title".
 */
export function recordLienReleased(command: RecordLienReleased, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { releasedOn } = command.data;
  if (loan.title.status === 'NONE') throw ruleViolated('LIEN_NOT_REQUESTED', 'No lien release was requested for this loan');
  if (loan.title.status !== 'RELEASE_REQUESTED') throw ruleViolated('LIEN_ALREADY_RELEASED', 'The lien was already released');
  requireNotAfter(releasedOn, context.businessDate, 'DATE_IN_FUTURE', 'releasedOn');
  const method = loan.title.method ?? 'PAPER';
  const expectedBy = method === 'PAPER' ? addDays(releasedOn, TITLE_MAILING_EXPECTED_DAYS) : null;
  return [{ type: 'LienReleased', data: { method, releasedOn, expectedBy } }];
}

export function recordTitleMailed(command: RecordTitleMailed, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { carrier, trackingNumber, mailedOn } = command.data;
  if (loan.title.status === 'NONE' || loan.title.status === 'RELEASE_REQUESTED') {
    throw ruleViolated('LIEN_NOT_RELEASED', 'The lien is not released yet');
  }
  if (loan.title.method === 'ELECTRONIC') throw ruleViolated('TITLE_IS_ELECTRONIC', 'An electronic title is not mailed by the servicer');
  if (loan.title.status !== 'RELEASED') throw ruleViolated('TITLE_ALREADY_MAILED', 'The title was already mailed');
  requireText(carrier, 'CARRIER_MISSING', 'carrier');
  requireText(trackingNumber, 'TRACKING_NUMBER_MISSING', 'trackingNumber');
  requireNotAfter(mailedOn, context.businessDate, 'DATE_IN_FUTURE', 'mailedOn');
  return [{ type: 'TitleMailed', data: { carrier, trackingNumber, mailedOn, expectedBy: addDays(mailedOn, TITLE_DELIVERY_EXPECTED_DAYS) } }];
}

export function recordTitleDelivered(command: RecordTitleDelivered, state: LoanState, context: LoanContext): LoanEvent[] {
  const loan = requireOpened(state);
  const { status, method } = loan.title;
  if (status === 'NONE' || status === 'RELEASE_REQUESTED') throw ruleViolated('LIEN_NOT_RELEASED', 'The lien is not released yet');
  if (status === 'DELIVERED') throw ruleViolated('TITLE_ALREADY_DELIVERED', 'The title was already delivered');
  if (status === 'RELEASED' && method === 'PAPER') throw ruleViolated('TITLE_NOT_MAILED', 'A paper title must be mailed before it is delivered');
  requireNotAfter(command.data.deliveredOn, context.businessDate, 'DATE_IN_FUTURE', 'deliveredOn');
  return [{ type: 'TitleDelivered', data: { deliveredOn: command.data.deliveredOn } }];
}
