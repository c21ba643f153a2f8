/**
 * The ledger's errors come in four kinds, each with a closed reason named after the broken rule
 * (STYLE.md rule 10). The HTTP border maps kinds to statuses in one place:
 * InvalidInput 400, NotFound 404, RuleViolated 409, RevisionConflict 412.
 */
export type DomainErrorKind = 'InvalidInput' | 'NotFound' | 'RuleViolated' | 'RevisionConflict';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly reason: string,
    message: string,
    /** The input field the error is about, when there is one (for problem details). */
    readonly field?: string,
  ) {
    super(message);
    this.name = kind;
  }
}

export const invalidInput = (reason: string, message: string, field?: string): DomainError =>
  new DomainError('InvalidInput', reason, message, field);

export const notFound = (reason: string, message: string): DomainError =>
  new DomainError('NotFound', reason, message);

export const ruleViolated = (reason: string, message: string): DomainError =>
  new DomainError('RuleViolated', reason, message);

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
