/**
 * Guards an impossibility: a programmer error, never a user error (users get DomainErrors).
 * Used in pairs, e.g. an allocation is checked before the append and again in the fold.
 */
export function assertInvariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant broken: ${message}`);
}

/** Ends every exhaustive switch (STYLE.md rule 14). */
export const unreachable = (value: never, what: string): never => {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
};
