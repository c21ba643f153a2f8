import { Decider, fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * Given/when/then for deciders (STYLE.md rule 5):
 *
 *   spec.given([loanOpened]).when(schedulePayment, context).then([paymentScheduled]);
 *   spec.given([...]).when(cancelPayment, context).thenRefuses('RuleViolated', 'PAYMENT_ALREADY_SUBMITTED');
 *
 * `then` also checks that the decided events fold without error, so a spec exercises evolve too.
 */
export function deciderSpecification<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command, context: Context) {
          const decideOnHistory = () => decider.decide(command, fold(decider, events), context);
          return {
            then(expected: readonly Event[]): Event[] {
              const decided = decideOnHistory();
              expect(decided).toEqual(expected);
              fold(decider, [...events, ...decided]);
              return decided;
            },
            /** For assertions that need the decided events themselves (e.g. one field of many). */
            thenEvents(): Event[] {
              return decideOnHistory();
            },
            thenRefuses(kind: DomainError['kind'], reason: string): void {
              let refusal: unknown;
              try {
                decideOnHistory();
              } catch (error) {
                refusal = error;
              }
              expect(refusal).toBeInstanceOf(DomainError);
              expect({ kind: (refusal as DomainError).kind, reason: (refusal as DomainError).reason }).toEqual({
                kind,
                reason,
              });
            },
          };
        },
      };
    },
  };
}
