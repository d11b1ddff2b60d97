import fc from "fast-check";

/**
 * Generators of hostile input for the fuzz tests: wrong types, hostile strings (long whitespace runs,
 * NULs and lone surrogates, prototype names among them), impossible dates, prototype-polluting keys,
 * deep nesting and broken bodies. `invalidFor` gives values a field of
 * each kind can never accept, so a body carrying one must be refused.
 */

/**
 * CI replays one fixed sequence so a red run can be reproduced and main stays green; a developer's
 * runs explore new inputs each time (FUZZ_SEED=<seed printed by a failure> replays one).
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261122 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });

export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** Names Object.prototype answers for: as a label, service or key, a lookup in a plain object finds them. */
export const PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupSetter__"] as const;
export const prototypeName: fc.Arbitrary<string> = fc.constantFrom(...PROTOTYPE_NAMES);

const WHITESPACE = fc.constantFrom(" ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028");

/**
 * Long runs of whitespace around or inside a plausible value: what makes a regex such as /\s*UTC$/
 * retry from every position (issue 15: 60,000 spaces stalled the server 19.5 s).
 */
export const whitespaceRun: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("", "x", "2026-01-01T00:00:00Z", "2021-04-28 21:50:00", "UTC", "+02:00", "-", "/"), WHITESPACE, fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom("", "x", "UTC", "+0200", " +0200", "Z", "-"))
  .map(([before, space, n, after]) => `${before}${space.repeat(n)}${after}`);

/** Text holding a NUL or an unpaired UTF-16 surrogate: neither may be stored (issue 15). */
export const badCharacterText: fc.Arbitrary<string> = fc
  .tuple(fc.string({ maxLength: 10 }), fc.oneof(fc.constant("\u0000"), fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))), fc.string({ maxLength: 10 }))
  // A high surrogate must not pair with a low one that follows by chance, or a low with a high before.
  .map(([a, bad, b]) => `${a}x${bad}x${b}`);

const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));
const lines = (line: (i: number) => string, length: number) => {
  const out: string[] = [];
  for (let i = 0, total = 0; total < length; i++) total += out[out.push(line(i)) - 1]!.length + 1;
  return out.join("\n");
};

/**
 * Markdown that makes a naive renderer's work grow faster than the text (issue 15: "*a" × 50,000 in
 * a postmortem blocked the server 4.5 s a view), each as a function of the length wanted: unclosed
 * emphasis and strikethrough runs, brackets and link openers, backticks, "<" runs, long chains of
 * link references, deep blockquotes and lists, wide tables.
 */
export const PATHOLOGICAL_MARKDOWN: Record<string, (length: number) => string> = {
  "emphasis *a": (n) => repeat("*a", n),
  "emphasis _a": (n) => repeat("_a", n),
  "strong **a": (n) => repeat("**a", n),
  "mixed *a_": (n) => repeat("*a_", n),
  "strikethrough ~~a": (n) => repeat("~~a", n),
  "brackets [": (n) => repeat("[", n),
  "brackets [a": (n) => repeat("[a", n),
  "closers a]": (n) => repeat("a]", n),
  "link openers [a](": (n) => repeat("[a](", n),
  "image openers ![": (n) => repeat("![", n),
  "nested links": (n) => repeat("[a](", n / 2) + repeat(")", n / 2),
  "backticks `a": (n) => repeat("`a", n),
  "backtick runs ``a`": (n) => repeat("``a`", n),
  "angle brackets <": (n) => repeat("<", n),
  "tags <a": (n) => repeat("<a", n),
  "autolinks <http://a": (n) => repeat("<http://a", n),
  "comments a <!--": (n) => repeat("a <!--", n),
  "entities &#": (n) => repeat("&#", n),
  "reference chain": (n) => {
    const uses = Array.from({ length: Math.ceil(n / 12) }, (_, i) => `[r${i}]`).join(" ");
    return `${lines((i) => `[r${i}]: /u${i}`, n / 2)}\n\n${uses}`.slice(0, n);
  },
  "deep blockquote >>>>": (n) => `${repeat(">", n)} a`,
  "growing blockquotes": (n) => lines((i) => `${">".repeat(i % 500)} a`, n),
  "deep list - - - -": (n) => `${repeat("- ", n)}a`,
  "indented lists": (n) => lines((i) => `${"  ".repeat(i % 500)}- a`, n),
  "table rows": (n) => `a|b\n-|-\n${repeat("a|b\n", n)}`,
  "table cells |a": (n) => `${repeat("|a", n / 2)}\n${repeat("|-", n / 2)}`,
  "bare links www.a.": (n) => repeat("www.a.", n),
  "backslashes": (n) => repeat("\\", n),
  "setext headings": (n) => repeat("a\n=\n", n),
};

/**
 * One of the pathological Markdown classes, 1,000 to 20,000 characters long: enough to hang a
 * quadratic renderer, short enough that fuzzers rendering hundreds of them stay quick
 * (markdown.test.ts holds every class to linear work at 98,000 characters).
 */
export const pathologicalMarkdown: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...Object.values(PATHOLOGICAL_MARKDOWN)), fc.integer({ min: 1_000, max: 20_000 }))
  .map(([make, length]) => make(length));

const CONTROL = fc.constantFrom("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\u001b", "\u007f", "\u2028", "\u2029", "\u202e", "\ufeff", "\ud800", "\udfff");

/** Strings meant to break parsers, queries, logs and renderers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(fc.oneof(CONTROL, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join("")),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "'; drop table deployments; --",
    '" or 1=1 --',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "${7*7}",
    "{{7*7}}",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "null",
    "undefined",
    "true",
    "[object Object]",
    "__proto__",
    "constructor",
    "\ud83d\ude00".repeat(50),
    "a\u0301".repeat(100),
  ),
  fc.tuple(fc.constantFrom("x", "é", "\u0000", "😀", "-"), fc.integer({ min: 201, max: 120_000 })).map(([c, n]) => c.repeat(n)),
  whitespaceRun,
  badCharacterText,
  prototypeName,
  pathologicalMarkdown,
);

/** Timestamps no field can accept: impossible calendar values, no offset, out-of-range years, prose. */
export const badTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "2026-13-01T00:00:00Z",
    "2026-00-10T00:00:00Z",
    "2026-01-32T00:00:00Z",
    "2026-01-01T25:00:00Z",
    "2026-01-01T00:61:00Z",
    "2026-01-01",
    "2026-01-01T00:00:00",
    "2026-01-01 00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "-271821-04-20T00:00:00Z",
    "+100000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "yesterday",
    "now",
    "0",
    "",
    "T",
  ),
  fc.integer().map(String),
  fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).filter((d) => Math.abs(d.getUTCFullYear()) > 9999).map((d) => d.toISOString()),
);

/** Timestamps that are real instants but absurd: what a clock gone wrong sends. */
export const extremeTimestamp: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1900-02-28T23:59:59-12:00", "2100-01-01T00:00:00+14:00"),
  fc.date({ noInvalidDate: true, min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z") }).map((d) => d.toISOString()),
);

/** Any JSON value, deep and wide, with hostile strings and hostile keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    hostileString,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), tie("value"), { maxKeys: 4 }),
  ),
})).value;

export type FieldKind = "slug" | "text" | "enum" | "timestamp" | "bool" | "id" | "ref" | "url" | "sha" | "array";
/** `blank`: the empty string is a valid value (it clears the field). */
export type FieldSpec = { kind: FieldKind; max?: number; nullable?: boolean; required?: boolean; blank?: boolean };

const wrongType = (allowed: ("string" | "number" | "boolean" | "object" | "array" | "null")[]) =>
  fc.oneof(
    ...[
      allowed.includes("string") ? null : hostileString,
      allowed.includes("number") ? null : fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      allowed.includes("boolean") ? null : fc.boolean(),
      allowed.includes("object") ? null : fc.dictionary(fc.string({ maxLength: 5 }), hostileJson, { maxKeys: 3 }),
      allowed.includes("array") ? null : fc.array(hostileJson, { maxLength: 3 }),
      allowed.includes("null") ? null : fc.constant(null),
    ].filter((a): a is fc.Arbitrary<never> => a !== null),
  );

const tooLong = (max: number) => fc.tuple(fc.constantFrom("x", "é", "😀"), fc.integer({ min: 1, max: 50 })).map(([c, extra]) => c.repeat(max + extra));

/** Values a field of this kind must refuse. */
export function invalidFor(spec: FieldSpec): fc.Arbitrary<unknown> {
  return spec.blank ? invalidOfKind(spec).filter((v) => v !== "") : invalidOfKind(spec);
}

function invalidOfKind(spec: FieldSpec): fc.Arbitrary<unknown> {
  const nul = spec.nullable ? ["null" as const] : [];
  switch (spec.kind) {
    case "slug":
      return fc.oneof(
        wrongType(["string", ...nul]),
        fc.constantFrom("", " ", "-leading", "has space", "under_score", "dot.ted", "ümlaut", "a/b", "a\u0000b", "😀"),
        badCharacterText,
        fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("_", " ", ".", "/", "\u0000", "é", "😀"), fc.string({ maxLength: 10 })).map(([a, bad, b]) => `x${a}${bad}y${b}`),
        tooLong(64),
      );
    case "text":
      return spec.max ? fc.oneof(wrongType(["string", ...nul]), tooLong(spec.max), badCharacterText) : fc.oneof(wrongType(["string", ...nul]), badCharacterText);
    case "enum":
      return fc.oneof(wrongType(["string", ...nul]), fc.constantFrom("", "SUCCESS", "Success", " success", "sev1", "unknown", "__proto__", "constructor"));
    case "timestamp":
      return fc.oneof(wrongType(["string", ...nul]), badTimestamp);
    case "bool":
      return wrongType(["boolean"]);
    case "id":
      return fc.oneof(wrongType(["number", ...nul]), fc.constantFrom(0, -1, 1.5, Number.MAX_VALUE, -(2 ** 53)));
    case "ref":
      return fc.oneof(wrongType(["string", "number", ...nul]), fc.constantFrom(0, -1, 2.5, "", "   "), tooLong(200), badCharacterText);
    case "url":
      return fc.oneof(wrongType(["string", ...nul]), fc.constantFrom("", "not a url", "javascript:alert(1)", "ftp://example.com/x", "file:///etc/passwd", "data:text/html,x", "//example.com"));
    case "sha":
      return fc.oneof(wrongType(["string"]), fc.constantFrom("", "abc", "xyz1234", "g".repeat(40), "a".repeat(65)));
    case "array":
      return wrongType(["array"]);
  }
}

/**
 * A body that must be refused: a valid `base` with 1–3 fields made invalid or required ones
 * removed, plus (sometimes) extra and prototype-polluting keys that must be ignored or refused.
 */
export function invalidBody(base: Record<string, unknown>, fields: Record<string, FieldSpec>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields);
  const required = names.filter((n) => fields[n]!.required);
  const breakOne = fc.oneof(
    fc.constantFrom(...names).chain((name) => invalidFor(fields[name]!).map((value) => ({ name, value, drop: false }))),
    ...(required.length ? [fc.constantFrom(...required).map((name) => ({ name, value: undefined as unknown, drop: true }))] : []),
  );
  return fc
    .tuple(fc.array(breakOne, { minLength: 1, maxLength: 3 }), fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })), hostileJson, { maxKeys: 3 }))
    .map(([breaks, extra]) => {
      const body: Record<string, unknown> = {};
      // defineProperty: "__proto__" must become an own key, as JSON.parse makes it, not a prototype.
      for (const [k, v] of Object.entries(extra)) if (!(k in fields)) Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
      Object.assign(body, base);
      for (const b of breaks) {
        if (b.drop) delete body[b.name];
        else body[b.name] = b.value;
      }
      return body;
    });
}

/** Raw bodies that are not a JSON object a route could accept. */
export const brokenBody: fc.Arbitrary<{ bytes: Uint8Array<ArrayBuffer>; label: string }> = fc.oneof(
  // {"a":"<bytes>"}: JSON in shape, but with bytes that are not UTF-8 inside the string.
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ bytes: Uint8Array.from([...new TextEncoder().encode('{"a":"'), 0xff, ...b.filter((x) => x !== 0x22 && x !== 0x5c), 0x22, 0x7d]), label: "invalid UTF-8" })),
  fc.constantFrom(
    "",
    "{",
    "}",
    '{"service":',
    "null",
    "true",
    "42",
    '"a string"',
    "[]",
    "[{}]",
    "{'single': 'quotes'}",
    '{"a":1,}',
    "NaN",
    "\u0000",
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
  ).map((text) => ({ bytes: new TextEncoder().encode(text), label: `text ${JSON.stringify(text)}` })),
  fc.integer({ min: 1000, max: 20_000 }).map((depth) => ({ bytes: new TextEncoder().encode("[".repeat(depth) + "]".repeat(depth)), label: `array nested ${depth} deep` })),
  fc.integer({ min: 1000, max: 20_000 }).map((depth) => ({ bytes: new TextEncoder().encode('{"a":'.repeat(depth) + "1" + "}".repeat(depth)), label: `object nested ${depth} deep` })),
  hostileJson.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => ({ bytes: new TextEncoder().encode(JSON.stringify(v)), label: "JSON but not an object" })),
);

/**
 * A body that sends some bytes (any: a valid JSON prefix, a whole object, broken bytes or nothing) and
 * then never ends: what a slow or hostile client holds open. A route must cut it off by its timeout
 * (408) or refuse its sender unread (issue 15); tests inject a small timeout (BodyGate).
 */
export const stalledBody: fc.Arbitrary<{ stream: () => ReadableStream<Uint8Array>; label: string }> = fc
  .oneof(
    brokenBody,
    hostileJson.map((v) => ({ bytes: new TextEncoder().encode(JSON.stringify(v) ?? ""), label: "JSON" })),
    fc.constant({ bytes: new Uint8Array(), label: "nothing" }),
  )
  .map(({ bytes, label }) => ({
    // A fresh stream per request: fast-check may replay a value while shrinking.
    stream: () => new ReadableStream<Uint8Array>({ start: (controller) => (bytes.byteLength ? controller.enqueue(bytes) : undefined) }),
    label: `${label}, then nothing more`,
  }));

/** Dates across the whole range a JavaScript Date holds, edges included: windows that start or end there. */
export const anyInstant: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "-271821-04-20T00:00:00.001Z", "+275760-09-12T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** A path segment as a client would send it (lone surrogates cannot be percent-encoded). */
export const urlSegment = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"));

/** Query strings with hostile values for the given parameter names (and some unknown ones). */
export function hostileQuery(names: readonly string[]): fc.Arbitrary<URLSearchParams> {
  const value = fc.oneof(hostileString, badTimestamp, extremeTimestamp, fc.integer().map(String), fc.double().map(String));
  return fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), value), { minLength: 1, maxLength: 5 }).map((pairs) => new URLSearchParams(pairs));
}

/** Whether anything set a property on Object.prototype (a successful prototype pollution). */
export function prototypePolluted(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).filter((name) => !PRISTINE_PROTOTYPE.has(name));
}
const PRISTINE_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));
