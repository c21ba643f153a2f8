import { Inject, Injectable } from '@nestjs/common';
import {
  AccountNumber,
  LOAN_EVENT_SCHEMA_VERSIONS,
  LoanCommand,
  LoanEvent,
  LoanEventType,
  LoanState,
  loanDecider,
  loanStreamId,
} from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { LedgerContext } from '../business-date/ledger-context';
import { CommandMetadata, CommandResult } from '../command-result';
import { StreamDecider, handleCommand, loadStream } from '../handle-command';
import { StreamStateCache } from '../stream-state-cache';
import { StreamLock } from './stream-lock';

/** The loan decider with what handleCommand needs to store its events. */
export const LOAN_STREAM: StreamDecider<LoanState, LoanEvent> = {
  evolve: loanDecider.evolve as StreamDecider<LoanState, LoanEvent>['evolve'],
  initialState: loanDecider.initialState,
  schemaVersionOf: (type) => LOAN_EVENT_SCHEMA_VERSIONS[type as LoanEventType],
};

/**
 * The one place loan commands meet the store: read the business date, then handleCommand with
 * the loan decider, serialized per stream in this process and starting from a cached fold.
 * Each use-case handler only builds its domain command and calls `decide`.
 */
@Injectable()
export class LoanStreams {
  private readonly cache = new StreamStateCache<LoanState>();
  private readonly lock = new StreamLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: LedgerContext,
  ) {}

  async decide(
    accountNumber: AccountNumber,
    command: LoanCommand,
    metadata: CommandMetadata,
  ): Promise<CommandResult> {
    const streamId = loanStreamId(accountNumber);
    const context = await this.context.current();
    return this.lock.run(streamId, () =>
      handleCommand(
        this.store,
        LOAN_STREAM,
        streamId,
        (state) => loanDecider.decide(command, state, context),
        metadata,
        {
          cache: this.cache,
        },
      ),
    );
  }

  /** The loan's current state, for commands that need a fact of another stream (link a vehicle, pay by text). */
  async load(accountNumber: AccountNumber): Promise<LoanState> {
    return (await loadStream(this.store, LOAN_STREAM, loanStreamId(accountNumber), this.cache)).state;
  }
}
