import { z } from "zod";
import { text } from "@/lib/validation";

export const signInSchema = z.object({
  email: text().trim().toLowerCase().min(1, "is required").pipe(z.email({ error: "must be an email address" })),
  password: text().min(1, "is required"),
  next: z.string().optional(),
});

const HOME = "http://tandem.invalid";

/**
 * Where to go after sign-in: only a path on Tandem's own origin, never another site. The hint is read
 * the way a browser reads a Location header (WHATWG URL parsing: tabs and newlines dropped, `\` as `/`,
 * dot segments resolved), so what is checked is what the browser will follow; anything that does not
 * land on Tandem's origin, or whose path a browser would read as another host (`//host`), becomes "/".
 * The result is serialised by the parser, so it holds no control characters for the Location header.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, HOME);
  } catch {
    return "/";
  }
  if (url.origin !== HOME) return "/";
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
