import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { myWork } from "@/lib/me/my-work";
import { nextShiftOf } from "@/lib/oncall/oncall";
import { MyWork } from "@/components/me/my-work";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const user = await requirePageUser();
  const now = new Date();
  const [work, nextOnCallShift] = await Promise.all([myWork(getDatabase().read, user), nextShiftOf(getDatabase().read, user.id, now)]);
  return (
    <>
      <PageHeader title="My work" description={`What is waiting for you, ${user.name}.`} />
      <MyWork approvals={userCan(user.role, "approve") ? work.approvals : null} incidents={work.incidents} actionItems={work.actionItems} now={now} canEdit={userCan(user.role, "record")} nextOnCallShift={nextOnCallShift} />
    </>
  );
}
