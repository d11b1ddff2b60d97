import type { CliIo } from "./io";

/** Captures a command's output for assertions. */
export function captureIo(env: Record<string, string | undefined>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, interactive: false, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
