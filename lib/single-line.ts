import { requiredText } from "@/lib/validation";

/**
 * A name shown on one line: in lists, in headings, in the CLI's "Created … "NAME"." line. A control
 * character (C0 such as a newline or tab, DEL, C1) would break that line, or restyle a terminal.
 */
export function singleLineName(max: number) {
  return requiredText(max).regex(...ONE_LINE);
}

/** The rule itself, for a name that may also be left out (a service's, on PUT). */
export const ONE_LINE = [/^\P{Cc}*$/u, "must be one line, without line breaks, tabs or other control characters"] as const;
