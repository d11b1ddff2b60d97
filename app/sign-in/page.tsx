import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_http/session";
import { safeNextPath } from "@/lib/auth/sign-in-schema";
import { SignInForm } from "@/components/auth/sign-in-form";
import { cardClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // The hint is checked here as well as by the action, so the page never echoes another site's address.
  const { next: hint } = await searchParams;
  const next = safeNextPath(typeof hint === "string" ? hint : undefined);
  if (await getCurrentUser()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className={`${cardClass} w-full max-w-sm p-6`}>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Tandem</h1>
        <p className="mb-6 mt-1 text-sm text-muted">Deployments, incidents and changes, on one timeline.</p>
        <SignInForm next={next} />
        <p className="mt-6 text-xs text-muted">No account? Ask an admin to create one for you.</p>
      </div>
    </main>
  );
}
