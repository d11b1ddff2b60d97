import { getAuth } from "@/lib/auth/auth";

/**
 * The request a server action sees when run in Vitest: test files mock next/headers with
 * `nextHeadersMock` and set the caller's headers here, so getCurrentUser() resolves a real
 * better-auth session from a real cookie, exactly as in the production server.
 */
let current = new Headers();

export function setRequestHeaders(headers: HeadersInit) {
  current = new Headers(headers);
}

/** Cookies set by an action (sign-in, theme) reach no browser here; the session travels in `setRequestHeaders`. */
export const nextHeadersMock = {
  headers: async () => current,
  cookies: async () => ({ set: () => undefined }),
};

export const nextCacheMock = { revalidatePath: () => undefined };

/** Signs in through better-auth and returns the Cookie header a browser would then send. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const { headers } = await (await getAuth()).api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`signing in as ${email} set no cookie`);
  return cookie;
}

/** Runs an action as Next would answer it: a redirect counts as success, with its target. */
export async function settle<T>(call: Promise<T>): Promise<T | { status: "redirect"; to: string }> {
  try {
    return await call;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { status: "redirect", to: digest.split(";")[2] ?? "" };
    throw error;
  }
}
