import { Inject, Injectable } from '@nestjs/common';
import {
  CUSTOMER_EVENT_SCHEMA_VERSIONS,
  CustomerCommand,
  CustomerEvent,
  CustomerId,
  CustomerState,
  customerDecider,
  customerStreamId,
} from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { LedgerContext } from '../business-date/ledger-context';
import { CommandMetadata, CommandResult } from '../command-result';
import { StreamDecider, handleCommand, loadStream } from '../handle-command';
import { StreamStateCache } from '../stream-state-cache';
import { StreamLock } from '../loans/stream-lock';

/** The customer decider with what handleCommand needs to store its events. */
export const CUSTOMER_STREAM: StreamDecider<CustomerState, CustomerEvent> = {
  evolve: customerDecider.evolve as StreamDecider<CustomerState, CustomerEvent>['evolve'],
  initialState: customerDecider.initialState,
  schemaVersionOf: (type) => CUSTOMER_EVENT_SCHEMA_VERSIONS[type as CustomerEvent['type']],
};

/**
 * The one place customer commands meet the store (the twin of LoanStreams): the business date,
 * then handleCommand with the customer decider, serialized per stream in this process.
 */
@Injectable()
export class CustomerStreams {
  private readonly cache = new StreamStateCache<CustomerState>();
  private readonly lock = new StreamLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly context: LedgerContext,
  ) {}

  async decide(
    customerId: CustomerId,
    command: CustomerCommand,
    metadata: CommandMetadata,
  ): Promise<CommandResult> {
    const streamId = customerStreamId(customerId);
    const context = await this.context.current();
    return this.lock.run(streamId, () =>
      handleCommand(
        this.store,
        CUSTOMER_STREAM,
        streamId,
        (state) => customerDecider.decide(command, state, context),
        metadata,
        {
          cache: this.cache,
        },
      ),
    );
  }

  /** The customer's current state, for checks outside the decider (the SSN hash, pay-by-text consent). */
  async load(customerId: CustomerId): Promise<CustomerState> {
    return (await loadStream(this.store, CUSTOMER_STREAM, customerStreamId(customerId), this.cache)).state;
  }
}
