import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { fieldErrors } from "@/lib/errors";
import { UsageError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments: the `--flag value` options it declares, strictly, validated by a zod
 * schema, with one-line errors. Every command reads its arguments here, so a word it does not take (a
 * value that lost its quotes, a typo) is refused rather than ignored.
 */
export function parseOptions<S extends z.ZodType>(
  args: string[],
  options: Options,
  schema: S,
  usage: string,
  /** The flag to blame for a schema field, where the two differ. */
  flagOf: (field: string) => string = (field) => `--${field}`,
): z.output<S> {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split("\n")[0]} (usage: ${usage})`);
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const [field, problem] = Object.entries(fieldErrors(result.error.issues))[0]!;
    throw new UsageError(`${flagOf(field)} ${problem} (usage: ${usage})`);
  }
  return result.data;
}
