import { Decider } from '../shared/decider';
import { unreachable } from '../shared/assert';
import { cancelAutoPay, enrollAutoPay } from './decide-autopay';
import { chargeFee, recordOverpaymentRefund, waiveFee } from './decide-fees';
import { openLoan } from './decide-opening';
import { cancelPayment, recordExternalPayment, schedulePayment, submitPayment } from './decide-payments';
import { returnPayment } from './decide-return';
import { runServicingDay } from './decide-servicing-day';
import { settlePayment } from './decide-settlement';
import { cancelTextPay, enrollTextPay, replyToText } from './decide-text-pay';
import { recordLienReleased, recordTitleDelivered, recordTitleMailed } from './decide-title';
import { LoanCommand, LoanContext } from './loan.commands';
import { LoanEvent } from './loan.events';
import { evolve } from './loan.evolve';
import { LoanState, initialState } from './loan.state';

/**
 * Decides what a command on a loan records, or refuses it with a DomainError whose reason names
 * the broken rule. Pure: time and outside facts arrive in the command and the context.
 */
export function decide(command: LoanCommand, state: LoanState, context: LoanContext): LoanEvent[] {
  switch (command.type) {
    case 'OpenLoan': return openLoan(command, state, context);
    case 'SchedulePayment': return schedulePayment(command, state, context);
    case 'CancelPayment': return cancelPayment(command, state, context);
    case 'SubmitPayment': return submitPayment(command, state, context);
    case 'SettlePayment': return settlePayment(command, state, context);
    case 'ReturnPayment': return returnPayment(command, state, context);
    case 'RecordExternalPayment': return recordExternalPayment(command, state, context);
    case 'ChargeFee': return chargeFee(command, state, context);
    case 'WaiveFee': return waiveFee(command, state, context);
    case 'EnrollAutoPay': return enrollAutoPay(command, state, context);
    case 'CancelAutoPay': return cancelAutoPay(command, state, context);
    case 'EnrollTextPay': return enrollTextPay(command, state, context);
    case 'CancelTextPay': return cancelTextPay(command, state, context);
    case 'ReplyToText': return replyToText(command, state, context);
    case 'RunServicingDay': return runServicingDay(command, state, context);
    case 'RecordLienReleased': return recordLienReleased(command, state, context);
    case 'RecordTitleMailed': return recordTitleMailed(command, state, context);
    case 'RecordTitleDelivered': return recordTitleDelivered(command, state, context);
    case 'RecordOverpaymentRefund': return recordOverpaymentRefund(command, state, context);
    default: return unreachable(command, 'command');
  }
}

export const loanDecider: Decider<LoanCommand, LoanEvent, LoanState, LoanContext> = { decide, evolve, initialState };
