/** Where a command writes; tests pass their own to capture output. */
export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Whether to draw progress bars (only on an interactive terminal). */
  interactive: boolean;
};

export const processIo: CliIo = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
};

/** A mistake by the person at the terminal: printed as one line, exit status 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An error's message as the one line a command prints; a driver's message may run over several. */
export function messageLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
}
