import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { myWork } from "@/lib/me/my-work";
import { MyWork } from "@/components/me/my-work";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const user = await requirePageUser();
  const work = await myWork(getDatabase().read, user);
  return (
    <>
      <PageHeader title="My work" description={`What is waiting for you, ${user.name}.`} />
      <MyWork approvals={userCan(user.role, "approve") ? work.approvals : null} incidents={work.incidents} actionItems={work.actionItems} now={new Date()} canEdit={userCan(user.role, "record")} />
    </>
  );
}
