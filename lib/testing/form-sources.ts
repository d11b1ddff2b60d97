import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

/*
 * What the forms can say, read from the source: the tests that hold every form's words to the catalogs
 * (lib/form-errors.i18n.test.ts, lib/i18n/refusals.test.ts) find here the refusals a server action can
 * reach, so a new one written in English alone fails them.
 */

const ROOT = join(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

function resolveModule(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? spec.slice(2) : join(dirname(from), spec);
  return [`${base}.ts`, `${base}/index.ts`].find((file) => existsSync(join(ROOT, file)));
}

/**
 * Modules an action imports whose words are no form's: the table the words are checked against, and a
 * setting read at start-up (TANDEM_TRUST_PROXY), told in English in the log as lib/config's are.
 */
const NOT_FORMS = new Set(["lib/form-errors.ts", "lib/auth/client-address.ts"]);

/** The server actions and every lib module they import, directly or not, but lib/config's settings and NOT_FORMS. */
export function formSources(): string[] {
  const queue = readdirSync(join(ROOT, "app/_actions"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => `app/_actions/${f}`);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of read(file).matchAll(/from "((?:@\/|\.{1,2}\/)[^"]+)"/g)) {
      const imported = resolveModule(file, spec!);
      if (imported?.startsWith("lib/") && !imported.startsWith("lib/config/") && !NOT_FORMS.has(imported)) queue.push(imported);
    }
  }
  return [...seen].sort();
}

type Token = { kind: "literal" | "word" | "punct"; text: string };

/** Where the words before a `/` leave an expression to begin, the `/` starts a regular expression. */
const BEFORE_REGEX = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", "return", "typeof", "case", "of", "in", "=>"]);

/** The end of a `${…}` that starts at `i` (just past its `{`), past any strings or templates inside. */
function skipExpression(source: string, i: number): number {
  let depth = 1;
  while (i < source.length && depth > 0) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === "`") i = skipQuoted(source, i).end;
    else {
      if (c === "{") depth++;
      if (c === "}") depth--;
      i++;
    }
  }
  return i;
}

/** A string or template literal starting at `i`: its text, each value `${…}` read as the figure 9, and its end. */
function skipQuoted(source: string, i: number): { text: string; end: number } {
  const quote = source[i]!;
  let text = "";
  i++;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === "\\") {
      text += source.slice(i, i + 2);
      i += 2;
    } else if (quote === "`" && source.startsWith("${", i)) {
      i = skipExpression(source, i + 2);
      // Right after a word it adds to the wording ("a whole number${unit}"), else it stands for a value.
      text += /[a-z]$/i.test(text) ? "" : "9";
    } else text += source[i++];
  }
  return { text, end: i + 1 };
}

/** TypeScript as literals, words and punctuation, comments and regular expressions left out: enough to follow calls and objects. */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) i++;
    else if (source.startsWith("//", i)) i = source.indexOf("\n", i) === -1 ? source.length : source.indexOf("\n", i);
    else if (source.startsWith("/*", i)) i = source.indexOf("*/", i + 2) + 2;
    else if (c === '"' || c === "'" || c === "`") {
      const { text, end } = skipQuoted(source, i);
      out.push({ kind: "literal", text });
      i = end;
    } else if (c === "/" && (out.length === 0 || BEFORE_REGEX.has(out.at(-1)!.text))) {
      let inClass = false;
      for (i++; i < source.length && (inClass || source[i] !== "/"); i++) {
        if (source[i] === "\\") i++;
        else if (source[i] === "[") inClass = true;
        else if (source[i] === "]") inClass = false;
      }
      for (i++; /[a-z]/.test(source[i] ?? ""); i++);
    } else if (/[\w$]/.test(c)) {
      const word = /^[\w$]+/.exec(source.slice(i, i + 200))![0];
      out.push({ kind: "word", text: word });
      i += word.length;
    } else if (source.startsWith("=>", i)) {
      out.push({ kind: "punct", text: "=>" });
      i += 2;
    } else {
      out.push({ kind: "punct", text: c });
      i++;
    }
  }
  return out;
}

/** Functions whose name says they tell a field's problems: what they return, and the `message` of an issue they make. */
const TELLS_PROBLEMS = /(Problems?|Issues)$/;
/** Calls that take issues (`{ path, message }`). */
const TAKES_ISSUES = new Set(["addIssue", "invalid"]);
/** Zod checks whose message is their last argument (`.min(1, "is required")`, `.refine(ok, "…")`). */
const ZOD_CHECKS = new Set(["min", "max", "length", "regex", "refine", "int", "positive", "nonnegative", "gt", "gte", "lt", "lte", "email", "url", "nonempty"]);
/** Calls that make a field's problem from their second argument, the field's key being the first. */
const FIELD_PROBLEM_CALLS = new Set(["badField", "refusePerson"]);
/** How a problem reads on from the field's name ("is required"), wherever it is written. */
const READS_ON = /^(is|are|must|has|have|should|cannot|does|was|needs|already|may) /;

const CLOSERS = new Set([")", "]", "}"]);
/** What stands before an object type's `{` (a declared function's return type), never before its body's. */
const TYPE_BEFORE = new Set([":", "|", "&", "<", ",", "(", "=>"]);

type Frame = { open: string; callee?: string; constructs: boolean; argument: number; fn?: string; keys: Set<string>; messages: string[] };

export type FormWords = {
  /** Problems of a field, as lib/form-errors.ts's table must know them (`${…}` read as 9). */
  problems: string[];
  /** English refusals without fields that no `.saying(…)` gives words in the catalogs. */
  unsaid: string[];
};

/**
 * What one source file can tell a form. A field's problem is a literal that reads on from the field's
 * name; a zod message (an `error` option, a check's argument, an issue's `message` beside a `path` or
 * made where issues are taken or told); a value of an AppError's fields; an argument of
 * FIELD_PROBLEM_CALLS; or what a TELLS_PROBLEMS function returns. A refusal is an AppError made with a
 * literal message and no fields. A problem made elsewhere and passed on in a variable is found where it
 * is written, if it is written in one of these ways.
 */
export function wordsIn(source: string): FormWords {
  const list = tokens(source);
  const problems: string[] = [];
  const unsaid: string[] = [];
  const stack: Frame[] = [];
  let declared: { name: string; depth: number } | undefined;
  for (const [i, token] of list.entries()) {
    const before = list[i - 1]?.text;
    const frame = stack.at(-1);
    if (token.kind === "literal") {
      if (!/[a-z]{2}/i.test(token.text)) continue;
      const parent = stack.at(-2);
      const direct = frame?.open === "(" && (before === "(" || before === ",");
      const tells = TELLS_PROBLEMS.test(stack.findLast((f) => f.fn)?.fn ?? "");
      const key = before === ":" && frame?.open === "{" ? list[i - 2]?.text : undefined;
      const isProblem =
        READS_ON.test(token.text) ||
        key === "error" ||
        (key === "message" && (tells || stack.some((f) => TAKES_ISSUES.has(f.callee ?? "")))) ||
        (direct && ZOD_CHECKS.has(frame.callee ?? "")) ||
        (direct && FIELD_PROBLEM_CALLS.has(frame.callee ?? "") && frame.argument === 1) ||
        (frame?.open === "{" && (before === ":" || before === "?") && parent?.callee === "AppError" && parent.constructs && parent.argument === 2) ||
        (before === "return" && tells);
      if (isProblem) problems.push(token.text);
      // An issue's message made away from the call that takes it: the object has a `path` too (below).
      else if (key === "message") frame!.messages.push(token.text);
      continue;
    }
    // A key of the object being read: `key:`, or a shorthand `{ path, … }`.
    const after = list[i + 1]?.text;
    const shorthand = (before === "{" || before === ",") && (after === "," || after === "}");
    if (frame?.open === "{" && token.kind === "word" && (after === ":" || shorthand)) frame.keys.add(token.text);
    if (before === "function" && token.kind === "word") declared = { name: token.text, depth: stack.length };
    if (token.text === "(" || token.text === "[" || token.text === "{") {
      const callee = token.text === "(" && list[i - 1]?.kind === "word" ? before : undefined;
      // A declared function's body (not an object type it returns) carries its name, for TELLS_PROBLEMS.
      const body = token.text === "{" && declared?.depth === stack.length && !TYPE_BEFORE.has(before ?? "");
      stack.push({ open: token.text, callee, constructs: list[i - 2]?.text === "new", argument: 0, fn: body ? declared!.name : undefined, keys: new Set(), messages: [] });
      if (body) declared = undefined;
    } else if (token.text === ",") {
      // A trailing comma starts no argument.
      if (frame && !CLOSERS.has(list[i + 1]?.text ?? "")) frame.argument++;
    } else if (token.text === ")" || token.text === "]" || token.text === "}") {
      const closed = stack.pop();
      if (closed?.keys.has("path")) problems.push(...closed.messages);
      if (closed?.callee === "AppError" && closed.constructs && closed.argument === 1) {
        const message = appErrorMessage(list, i);
        const said = list[i + 1]?.text === "." && list[i + 2]?.text === "saying";
        if (message !== undefined && !said) unsaid.push(message);
      }
    }
  }
  return { problems, unsaid };
}

/** What a source file of the app can tell a form (wordsIn). */
export const formWords = (file: string): FormWords => wordsIn(read(file));

/** The literal message of the two-argument `new AppError(code, message)` that closes at `close`, if it is one. */
function appErrorMessage(list: Token[], close: number): string | undefined {
  const end = list[close - 1]?.text === "," ? close - 1 : close;
  const last = list[end - 1]!;
  return last.kind === "literal" && list[end - 2]?.text === "," ? last.text : undefined;
}
