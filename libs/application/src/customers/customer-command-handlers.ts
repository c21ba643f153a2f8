import { Provider } from '@nestjs/common';
import { LinkVehicleHandler } from './link-vehicle/link-vehicle.handler';
import { LoanToLinkFinder } from './link-vehicle/loan-to-link.finder';
import { RecordCreditScoreHandler } from './record-credit-score/record-credit-score.handler';
import { RegisterCustomerHandler } from './register-customer/register-customer.handler';
import { UpdateAlertPreferencesHandler } from './update-alert-preferences/update-alert-preferences.handler';
import { VinIndex } from './vin-index';

/** Every customer command handler and what only they use (with CustomerStreams and LoanStreams). */
export const CUSTOMER_COMMAND_HANDLERS: Provider[] = [
  RegisterCustomerHandler,
  UpdateAlertPreferencesHandler,
  LinkVehicleHandler,
  RecordCreditScoreHandler,
  LoanToLinkFinder,
  VinIndex,
];
