import { getAuth } from "@/lib/auth/auth";

/**
 * The request a server action sees when run in Vitest: test files mock next/headers with
 * `nextHeadersMock` and set the caller's headers here, so getCurrentUser() resolves a real
 * better-auth session from a real cookie, exactly as in `next start`.
 */
let current = new Headers();
const jar = new Map<string, string>();

export function setRequestHeaders(headers: HeadersInit) {
  current = new Headers(headers);
}

export const nextHeadersMock = {
  headers: async () => current,
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
};

export const nextCacheMock = { revalidatePath: () => undefined, revalidateTag: () => undefined };

/** Signs in through better-auth and returns the Cookie header a browser would then send. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
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
