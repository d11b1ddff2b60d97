import { z } from "zod";
import { text } from "@/lib/validation";

export const signInSchema = z.object({
  email: text().trim().toLowerCase().min(1, "is required").pipe(z.email({ error: "must be an email address" })),
  password: text().min(1, "is required"),
  next: z.string().optional(),
});

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNextPath(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
