/**
 * Counts the work a text-processing function does, deterministically, so a test can show that the
 * work grows linearly with the input instead of timing it (timed tests are flaky on a shared CI).
 *
 * Counted while `measureWork` runs: every `charCodeAt` (how markdown-it and htmlparser2 walk text),
 * the characters every `indexOf` passes over, and for every regular expression match the characters
 * from where it starts to the end of the match, or to the end of the text when an unanchored search
 * fails. A failed anchored (^ or sticky) match counts 1: what it reads before failing is bounded by
 * its own pattern. Each call also counts 1. It is a model, not a clock: quadratic work shows up as
 * about four times the count for twice the input (work-meter.test.ts proves it does).
 */
export function measureWork(run: () => void): number {
  const charCodeAt = String.prototype.charCodeAt;
  const indexOf = String.prototype.indexOf;
  const exec = RegExp.prototype.exec;
  let work = 0;
  String.prototype.charCodeAt = function (this: string, index?: number) {
    work++;
    return charCodeAt.call(this, index ?? 0);
  };
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    const start = Math.max(0, from ?? 0);
    const found = indexOf.call(this, search, start);
    work += 1 + (found < 0 ? Math.max(0, this.length - start) : found - start);
    return found;
  };
  // String.prototype.match, replace, split and RegExp.prototype.test all call exec once it is replaced.
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const text = String(input);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    const anchored = this.sticky || (this.source.startsWith("^") && !this.multiline);
    work += 1 + (match ? match.index + match[0].length - start : anchored ? 0 : Math.max(0, text.length - start));
    return match;
  };
  try {
    run();
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    String.prototype.indexOf = indexOf;
    RegExp.prototype.exec = exec;
  }
  return work;
}
