/**
 * A stream's behaviour as three pure functions (STYLE.md rule 1). `decide` refuses by throwing a
 * DomainError and otherwise returns the events to append; `evolve` folds a recorded event and never
 * throws on a recorded fact; `initialState` is the state of a stream with no events.
 */
export interface Decider<Command, Event, State, Context> {
  decide(command: Command, state: State, context: Context): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds events into a state with a decider's `evolve`. */
export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
