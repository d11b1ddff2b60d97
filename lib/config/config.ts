import { z } from "zod";
import { DEFAULT_DATABASE_URL, POSTGRES_DEFAULTS, databaseTargetOf, databaseUrlProblem, type DatabaseTarget } from "@/db/url";
import { parseTrustedProxies } from "@/lib/auth/client-address";
import type { SmtpSettings } from "@/lib/notifications/send";
import { wholeNumber } from "@/lib/whole-number";

/** Raised for configuration a person must fix; its message is the one line the app prints before stopping. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** "https://tandem.example.com///" → "https://tandem.example.com", by index: /\/+$/ is quadratic on "/" * n + "x". */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

const PUBLIC_URL_EXAMPLE = "must be an http(s) URL such as https://tandem.example.com";

/**
 * TANDEM_URL as URL reads it, in the one form every consumer gets: scheme and host in lower case, no
 * default port, no trailing slash. Links are made by adding a path to it, so a query or fragment would
 * end up in front of the path, and credentials would be shown to everyone the link is given to.
 */
const publicUrl = z.string().transform((v, ctx) => {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    ctx.addIssue({ code: "custom", message: PUBLIC_URL_EXAMPLE });
    return z.NEVER;
  }
  let problem: string | undefined;
  if (url.protocol !== "http:" && url.protocol !== "https:") problem = PUBLIC_URL_EXAMPLE;
  else if (url.username || url.password) problem = "must not hold a user name or password";
  // "https://t.example.com?" has an empty search, yet its "?" would still come before every path.
  else if (/[?#]/.test(v)) problem = "must not have a query (?…) or fragment (#…): links are made by adding a path to it";
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return withoutTrailingSlashes(url.href);
});

const databaseUrl = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .superRefine((v, ctx) => {
    const problem = databaseUrlProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * smtp(s)://[user:password@]host[:port][?from=address]: the server email notifications go through, and
 * the sender they come from (`from`, default tandem@ the SMTP host's name).
 */
const smtpUrl = z.string().transform((v, ctx): SmtpSettings => {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    ctx.addIssue({ code: "custom", message: "must be a URL such as smtp://user:password@mail.example.com:587?from=tandem@example.com" });
    return z.NEVER;
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    ctx.addIssue({ code: "custom", message: `must start with smtp:// or smtps://, not ${url.protocol}//` });
    return z.NEVER;
  }
  if (!url.hostname) {
    ctx.addIssue({ code: "custom", message: "must name the SMTP server's host" });
    return z.NEVER;
  }
  const from = url.searchParams.get("from");
  // "Tandem <ops@example.com>" names the address between the angle brackets.
  const address = from?.endsWith(">") && from.includes("<") ? from.slice(from.lastIndexOf("<") + 1, -1) : from;
  if (from !== null && !z.email().safeParse(address).success) {
    ctx.addIssue({ code: "custom", message: `from=${from} is not an email address` });
    return z.NEVER;
  }
  url.searchParams.delete("from");
  return { url: url.href, from: from ?? `tandem@${url.hostname}` };
});

const envSchema = z.object({
  DATABASE_URL: databaseUrl.default(DEFAULT_DATABASE_URL),
  PORT: wholeNumber(1, 65535).default(3000),
  TANDEM_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TANDEM_URL: publicUrl.optional(),
  TANDEM_DEMO: z.enum(["auto", "off"], { error: 'must be "auto" or "off"' }).default("auto"),
  TANDEM_DB_POOL: wholeNumber(1, 1000).default(POSTGRES_DEFAULTS.poolSize),
  // PostgreSQL keeps statement_timeout as a 32-bit count of milliseconds.
  TANDEM_DB_TIMEOUT_MS: wholeNumber(100, 2_147_483_647, "milliseconds").default(POSTGRES_DEFAULTS.statementTimeoutMs),
  TANDEM_RATE_LIMIT: wholeNumber(1, Number.MAX_SAFE_INTEGER).default(300_000),
  TANDEM_TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const parsed = parseTrustedProxies(v);
      if (parsed.ok) return parsed.entries;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    })
    .default([]),
  TANDEM_SMTP_URL: smtpUrl.optional(),
});

export type Config = {
  database: DatabaseTarget;
  /** PostgreSQL only: connections in this server's pool, and how long one statement may run. */
  databasePool: number;
  databaseTimeoutMs: number;
  port: number;
  secret: string | undefined;
  publicUrl: string | undefined;
  demo: "auto" | "off";
  /** API requests per minute that one token may make before getting 429. */
  rateLimit: number;
  /** Proxies (addresses, networks) whose X-Forwarded-For names the client; none: the socket's peer is the client. */
  trustProxy: string[];
  /** Where email notifications go out; none: email channels cannot send. */
  smtp: SmtpSettings | undefined;
};

/** Reads the configuration from an environment; empty variables count as unset. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const c = result.data;
  return {
    database: databaseTargetOf(c.DATABASE_URL, cwd),
    databasePool: c.TANDEM_DB_POOL,
    databaseTimeoutMs: c.TANDEM_DB_TIMEOUT_MS,
    port: c.PORT,
    secret: c.TANDEM_SECRET,
    publicUrl: c.TANDEM_URL,
    demo: c.TANDEM_DEMO,
    rateLimit: c.TANDEM_RATE_LIMIT,
    trustProxy: c.TANDEM_TRUST_PROXY,
    smtp: c.TANDEM_SMTP_URL,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
