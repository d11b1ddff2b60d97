import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOut } from "@/app/_actions/session";
import type { CurrentUser } from "@/lib/auth/actor";
import type { Theme } from "@/lib/theme";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/styles";
import { FocusKeeper } from "./focus-keeper";
import { NavLinks } from "./nav-links";
import { ThemeSwitch } from "./theme-switch";

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 px-3 py-2 text-lg font-semibold tracking-tight">
      <span aria-hidden="true" className="inline-block h-5 w-5 rounded-full border-4 border-accent" />
      Tandem
    </Link>
  );
}

/** The first letter of a name (a whole surrogate pair, not half of one), for the account button. */
const initial = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? "?";

/** The frame every signed-in page shares: navigation, who is signed in, theme and sign-out. */
/** `waiting`: changes waiting for the person's decision; `myWork`: everything waiting for them (the "My work" page). */
export function AppShell({ user, theme, banner, waiting = 0, myWork = 0, children }: { user: CurrentUser; theme: Theme; banner?: React.ReactNode; waiting?: number; myWork?: number; children: React.ReactNode }) {
  const t = useTranslations("Shell");
  const tHeader = useTranslations("Header");
  const isAdmin = user.role === "admin";
  const counts = { "/changes": waiting, "/me": myWork };
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[14rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-bg focus:p-2">
        {t("skipLink")}
      </a>
      <aside className="hidden border-r border-border bg-surface p-3 lg:block">
        <Brand />
        <div className="mt-4">
          <NavLinks label={t("mainNav")} isAdmin={isAdmin} counts={counts} />
        </div>
      </aside>
      <div className="min-w-0">
        {/* One row on a phone (menu, name, account); the account's theme, name and sign-out fold into a menu there and sit in the row on a laptop. */}
        <header className="flex items-center justify-between gap-2 border-b border-border px-4 py-2">
          <div className="flex min-w-0 items-center gap-2 lg:hidden">
            <details className="relative">
              <summary className={`${buttonClass.secondary} cursor-pointer list-none`}>{t("menu")}</summary>
              <div className="absolute left-0 z-40 mt-2 w-56 rounded-md border border-border bg-bg p-2 shadow-lg">
                <NavLinks label={t("mainNavMenu")} isAdmin={isAdmin} counts={counts} />
              </div>
            </details>
            <Brand />
          </div>
          <details className="relative ml-auto lg:[&::details-content]:[content-visibility:visible]">
            <summary className={`${buttonClass.secondary} flex cursor-pointer list-none items-center gap-2 lg:hidden`}>
              <span aria-hidden="true" translate="no" className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-accent text-xs font-semibold text-accent-fg">
                {initial(user.name)}
              </span>
              {tHeader("account")}
            </summary>
            <div className="absolute right-0 z-40 mt-2 flex w-64 flex-col items-start gap-3 rounded-md border border-border bg-bg p-3 shadow-lg lg:static lg:mt-0 lg:w-auto lg:flex-row lg:flex-wrap lg:items-center lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none">
              <ThemeSwitch current={theme} />
              <span className="text-sm" data-testid="current-user">
                <span translate="no">{user.name}</span> <Badge tone="accent">{t(`roles.${user.role}`)}</Badge>
              </span>
              <form action={signOut}>
                <button type="submit" className={buttonClass.ghost}>
                  {t("signOut")}
                </button>
              </form>
            </div>
          </details>
        </header>
        {banner}
        <main id="main" className="mx-auto max-w-screen-2xl p-4 sm:p-6">
          {children}
          <FocusKeeper />
        </main>
      </div>
    </div>
  );
}
