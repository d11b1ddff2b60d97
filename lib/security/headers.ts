/**
 * Sent with every response: next.config.ts gives them to everything Next serves, and the ingestion
 * fast path (app/_server) to what it answers itself. Pages also get a Content-Security-Policy with a
 * fresh nonce (proxy.ts). Imported by next.config.ts, so relative imports only.
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
