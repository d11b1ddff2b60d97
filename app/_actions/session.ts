"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { CLIENT_ADDRESS_HEADER, UNKNOWN_CLIENT } from "@/lib/auth/client-address";
import { RateLimiter } from "@/lib/auth/rate-limit";
import { safeNextPath, signInSchema } from "@/lib/auth/sign-in-schema";
import { fieldErrors } from "@/lib/errors";
import { formErrors, formErrorsIn } from "@/lib/form-errors";
import type { FormState } from "./form-state";
import { actionLanguage } from "./speak";

const globalForLimiter = globalThis as unknown as { signInLimiter?: RateLimiter };
// Ten tries per client address and email every five minutes: a stranger elsewhere uses up only their own tries.
const limiter = (globalForLimiter.signInLimiter ??= new RateLimiter(10, 5 * 60_000));

export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "");
  const next = formData.get("next");
  const parsed = signInSchema.safeParse({
    email,
    password: formData.get("password") ?? undefined,
    // Only a hint where to go afterwards: anything but a path is ignored, never a reason to refuse.
    next: typeof next === "string" ? next : undefined,
  });
  // Nobody is signed in yet: the page's language is the browser's.
  const { locale, t } = await actionLanguage();
  if (!parsed.success) {
    const problems = fieldErrors(parsed.error.issues);
    const fields = locale === "en" ? formErrors(problems).fields : formErrorsIn(t, locale, problems).fields;
    return { status: "error", message: t("Session.enterEmailPassword"), fields, values: { email } };
  }
  const requestHeaders = await headers();
  // Set by the production server from the socket (and trusted proxies); X-Forwarded-For is anyone's to write.
  const client = requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? UNKNOWN_CLIENT;
  const wait = limiter.attempt(`${client}|${parsed.data.email}`);
  if (wait > 0) {
    return { status: "error", message: t("Session.tooMany", { seconds: wait }), fields: {}, values: { email } };
  }
  try {
    await (await getAuth()).api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: requestHeaders,
    });
  } catch (e) {
    if (isAPIError(e) && (e.status === "UNAUTHORIZED" || e.status === "FORBIDDEN" || e.status === "BAD_REQUEST")) {
      const banned = e.body?.code === "BANNED_USER";
      return {
        status: "error",
        message: t(banned ? "Session.deactivated" : "Session.wrong"),
        fields: {},
        values: { email },
      };
    }
    throw e;
  }
  redirect(safeNextPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  await (await getAuth()).api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
