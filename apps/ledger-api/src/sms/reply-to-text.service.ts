import { Inject, Injectable } from '@nestjs/common';
import { CommandMetadata, LedgerContext, LOAN_STREAM, handleCommand, uuidV5 } from '@ledger/application';
import { LoanCommand, LoanEvent, LoanState, loanDecider, loanStreamId, parseAccountNumber, parsePaymentId, textReplyKeyword } from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { loansEnrolledForTextPay, READ_STORE, ReadStore } from '@ledger/read-models';
import { ServicingProcesses } from '../operations/servicing-processes.provider';
import { TextDecision, smsReply } from './sms-replies';

const DIRECTORY_WAIT_MS = 2000;

/**
 * The inbound text webhook's use case: find the loans enrolled with the sender's number (the
 * text-pay directory), run ReplyToText on each, and word the reply. Anything but PAY or STOP,
 * and any unknown number, writes nothing.
 */
@Injectable()
export class ReplyToTextService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly context: LedgerContext,
    private readonly processes: ServicingProcesses,
  ) {}

  async reply(from: string, body: string, metadata: CommandMetadata): Promise<string> {
    if (textReplyKeyword(body) === 'OTHER') return smsReply(body, []);
    // A text right after enrolling must find the number: wait briefly for the directory.
    await this.processes.catchUp(DIRECTORY_WAIT_MS);
    const accounts = await loansEnrolledForTextPay(this.readStore, from.trim());
    const decisions: TextDecision[] = [];
    for (const accountNumber of accounts) decisions.push(await this.decide(accountNumber, from.trim(), body, metadata));
    return smsReply(body, decisions);
  }

  private async decide(accountNumber: string, from: string, body: string, metadata: CommandMetadata): Promise<TextDecision> {
    const context = await this.context.current();
    const streamId = loanStreamId(parseAccountNumber(accountNumber));
    // One TEXT payment per loan and business day: a retried PAY names the same payment.
    const paymentId = parsePaymentId(`text-${uuidV5(`${streamId}\u0000${context.businessDate}`).slice(0, 18)}`);
    const command: LoanCommand = { type: 'ReplyToText', data: { from, body, paymentId } };
    let decided: LoanEvent[] = [];
    let state: LoanState = loanDecider.initialState();
    await handleCommand(this.store, LOAN_STREAM, streamId, (current) => {
      state = current;
      decided = loanDecider.decide(command, current, context);
      return decided;
    }, metadata);
    return { accountNumber, decided, state };
  }
}
