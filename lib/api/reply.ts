import type { AppError } from "@/lib/errors";

/** An answer before it is written out: the JSON body, its status and any extra headers. */
export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** The error envelope of CONTRACT.md. */
export function errorReply(error: AppError): Reply {
  const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
    error: { code: error.code, message: error.message },
  };
  if (error.fields && Object.keys(error.fields).length) body.error.fields = error.fields;
  const headers: Record<string, string> = {};
  if (error.code === "unauthorized") headers["WWW-Authenticate"] = "Bearer";
  if (error.retryAfter !== undefined) headers["Retry-After"] = String(error.retryAfter);
  return { status: error.status, body, headers };
}
