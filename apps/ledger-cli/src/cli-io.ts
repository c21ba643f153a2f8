import { isDomainError } from '@ledger/domain';
import { StreamRevisionConflict } from '@ledger/event-store';

/**
 * Exit codes of the auditing commands (docs/auditing.md): 0 ok; 1 verification failed (a
 * projection differs, a hash link is broken); 2 usage or bad input; 3 not found; 4 the command
 * could not run (store unavailable, an import conflicting with existing events, a bug).
 */
export const EXIT = { OK: 0, VERIFICATION_FAILED: 1, BAD_INPUT: 2, NOT_FOUND: 3, FAILED: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes: results on stdout, errors and progress on stderr (so `--json | jq` works). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal: progress bars only then. */
  readonly interactive: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: process.stderr.isTTY === true,
};

/** Runs a command body, printing a failure on stderr and answering its exit code. */
export async function runCommand(io: CliIo, body: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await body();
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (isDomainError(error)) return error.kind === 'NotFound' ? EXIT.NOT_FOUND : EXIT.BAD_INPUT;
    if (error instanceof StreamRevisionConflict) return EXIT.FAILED;
    return EXIT.FAILED;
  }
}

export const printJson = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));
