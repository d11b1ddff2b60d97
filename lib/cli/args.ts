import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { fieldErrors } from "@/lib/errors";
import { UsageError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses `--flag value` options strictly and validates them with a zod schema, one-line errors. */
export function parseOptions<S extends z.ZodType>(
  args: string[],
  options: Options,
  schema: S,
  usage: string,
  /** The flag to blame for a schema field, where the two differ. */
  flagOf: (field: string) => string = (field) => `--${field}`,
): { values: z.output<S>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split("\n")[0]} (usage: ${usage})`);
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const [field, problem] = Object.entries(fieldErrors(result.error.issues))[0]!;
    throw new UsageError(`${flagOf(field)} ${problem} (usage: ${usage})`);
  }
  return { values: result.data, positionals: parsed.positionals };
}
