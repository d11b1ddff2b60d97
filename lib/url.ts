import { getConfig } from "@/lib/config/config";

/** The base URL users see in links: TANDEM_URL, else the request's own host (so access by IP works). */
export function publicBaseUrl(headers: Headers): string {
  const configured = getConfig().publicUrl;
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
