import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { MajorIncidentBanner } from "@/components/shell/major-incident-banner";
import { getDatabase } from "@/db/client";
import { openMajorIncidents } from "@/db/queries/incidents";
import { changesAwaiting } from "@/db/queries/changes";
import { userCan } from "@/lib/auth/roles";
import { getCurrentUser } from "@/app/_http/session";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { waitingCount } from "@/lib/me/my-work";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell
      user={user}
      theme={theme}
      banner={<MajorIncidentBanner incidents={await openMajorIncidents(getDatabase().read)} />}
      waiting={userCan(user.role, "approve") ? (await changesAwaiting(getDatabase().read, user.id)).length : 0}
      myWork={await waitingCount(getDatabase().read, user)}
    >
      {children}
    </AppShell>
  );
}
