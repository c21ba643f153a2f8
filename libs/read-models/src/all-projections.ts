import { Projection } from './projection';
import { loanBalanceProjection } from './loan-balance/loan-balance.projection';
import { payoffProgressProjection } from './payoff-progress/payoff-progress.projection';
import { paymentHistoryProjection } from './payment-history/payment-history.projection';
import { titleTrackingProjection } from './title-tracking/title-tracking.projection';
import { statementsProjection } from './statements/statements.projection';
import { customerSnapshotProjection } from './customer-snapshot/customer-snapshot.projection';
import { creditScoreProjection } from './credit-score/credit-score.projection';
import { servicingCalendarProjection } from './servicing-calendar/servicing-calendar.projection';

/** Every read model the projector runs (the payoff quote is a query over loan-balance). */
export const allProjections: readonly Projection[] = [
  loanBalanceProjection,
  payoffProgressProjection,
  paymentHistoryProjection,
  titleTrackingProjection,
  statementsProjection,
  customerSnapshotProjection,
  creditScoreProjection,
  servicingCalendarProjection,
];
