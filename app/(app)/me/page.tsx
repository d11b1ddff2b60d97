import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { myWork } from "@/lib/me/my-work";
import { nextShiftOf } from "@/lib/oncall/oncall";
import { localePreference } from "@/lib/i18n/preference";
import { richTags } from "@/components/i18n/rich";
import { MyWork } from "@/components/me/my-work";
import { LanguageForm } from "@/components/me/language-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyWork"))("title") };
}

export default async function MyWorkPage() {
  const user = await requirePageUser();
  const t = await getTranslations("MyWork");
  const now = new Date();
  const [work, nextOnCallShift, language] = await Promise.all([myWork(getDatabase().read, user), nextShiftOf(getDatabase().read, user.id, now), localePreference(getDatabase(), user.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t.rich("description", { ...richTags, name: user.name })} />
      <MyWork approvals={userCan(user.role, "approve") ? work.approvals : null} incidents={work.incidents} actionItems={work.actionItems} now={now} canEdit={userCan(user.role, "record")} nextOnCallShift={nextOnCallShift} />
      <LanguageForm current={language} />
    </>
  );
}
