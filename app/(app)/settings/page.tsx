import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listApiTokens } from "@/db/queries/tokens";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/session";
import { TokensSection } from "@/components/settings/tokens-section";
import { UsersSection } from "@/components/settings/users-section";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("manage");
  const db = getDb();
  return (
    <>
      <PageHeader title="Settings" description="People, their roles, and the tokens machines use." />
      <div className="space-y-10">
        <UsersSection users={listUsers(db)} currentUserId={user.id} />
        <TokensSection tokens={listApiTokens(db)} />
      </div>
    </>
  );
}
