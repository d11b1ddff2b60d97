/*
 * Where a channel sends. Any http(s) URL is allowed, internal and loopback ones included (only admins
 * create channels, and self-hosted receivers are often internal); nothing else. Slack and Teams URLs
 * carry their credential in the path or query, so a URL is only ever shown redacted.
 */

/** Why a channel URL is refused, or null when it is fine. */
export function targetUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an http(s) URL such as https://hooks.example.com/tandem";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `must be an http(s) URL, not ${url.protocol.replace(/:$/, "")}:`;
  if (!url.hostname) return "must name a host";
  // Sent as Basic authorisation once decoded (requestTarget): a broken %-escape could never be sent.
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return "must have a user and password written with valid %-escapes";
  }
  return null;
}

/** Long random-looking path segments are keys (Slack's /services/T…/B…/secret, Teams' workflow ids). */
const SECRET_SEGMENT = /^[\w-]{16,}$/;

/** The URL as people and logs may see it: no user or password, no query values, keys in the path cut short. */
export function redactUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "(not a URL)";
  }
  const auth = url.username || url.password ? "•••@" : "";
  const path = url.pathname
    .split("/")
    .map((s) => (SECRET_SEGMENT.test(s) ? `${s.slice(0, 4)}…` : s))
    .join("/");
  const query = [...url.searchParams.keys()].map((k) => `${k}=•••`).join("&");
  return `${url.protocol}//${auth}${url.host}${path}${query ? `?${query}` : ""}`;
}

/** What fetch is given: a URL without credentials (fetch refuses those), and them as Basic authorisation. */
export function requestTarget(value: string): { url: string; headers: Record<string, string> } {
  const url = new URL(value);
  if (!url.username && !url.password) return { url: url.href, headers: {} };
  const basic = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64");
  url.username = "";
  url.password = "";
  return { url: url.href, headers: { authorization: `Basic ${basic}` } };
}

/** A target as shown: email addresses as they are, URLs redacted. */
export function shownTarget(kind: string, target: string): string {
  return kind === "email" ? target : redactUrl(target);
}
