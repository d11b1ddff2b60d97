import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_http/session";
import { safeNextPath } from "@/lib/auth/sign-in-schema";
import { SignInForm } from "@/components/auth/sign-in-form";
import { cardClass } from "@/components/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Metadata"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // The hint is checked here as well as by the action, so the page never echoes another site's address.
  const { next: hint } = await searchParams;
  const next = safeNextPath(typeof hint === "string" ? hint : undefined);
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("SignIn");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className={`${cardClass} w-full max-w-sm p-6`}>
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mb-6 mt-1 text-sm text-muted">{t("tagline")}</p>
        <SignInForm next={next} />
        <p className="mt-6 text-xs text-muted">{t.rich("noAccount", { strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })}</p>
      </div>
    </main>
  );
}
