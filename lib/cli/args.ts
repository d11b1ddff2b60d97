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
  // An empty value is a script's unset variable (`--team "$TEAM"`), never a choice: where a form's empty
  // field means "none" or "all", a flag given nothing would otherwise quietly widen what it limits.
  for (const [name, value] of Object.entries(parsed.values)) {
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && !v.trim())) {
      throw new UsageError(`--${name} is empty: give it a value or leave the flag out (usage: ${usage})`);
    }
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const [field, problem] = Object.entries(fieldErrors(result.error.issues))[0]!;
    throw new UsageError(`${flagOf(field)} ${problem} (usage: ${usage})`);
  }
  return result.data;
}
