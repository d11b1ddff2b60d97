/* eslint-disable no-restricted-syntax -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { myWork } from "@/lib/me/my-work";
import { nextShiftOf } from "@/lib/oncall/oncall";
import { localePreference } from "@/lib/i18n/preference";
import { MyWork } from "@/components/me/my-work";
import { LanguageForm } from "@/components/me/language-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My work" };

export default async function MyWorkPage() {
  const user = await requirePageUser();
  const now = new Date();
  const [work, nextOnCallShift, language] = await Promise.all([myWork(getDatabase().read, user), nextShiftOf(getDatabase().read, user.id, now), localePreference(getDatabase(), user.id)]);
  return (
    <>
      <PageHeader title="My work" description={`What is waiting for you, ${user.name}.`} />
      <MyWork approvals={userCan(user.role, "approve") ? work.approvals : null} incidents={work.incidents} actionItems={work.actionItems} now={now} canEdit={userCan(user.role, "record")} nextOnCallShift={nextOnCallShift} />
      <LanguageForm current={language} />
    </>
  );
}
