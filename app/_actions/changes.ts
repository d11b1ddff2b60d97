"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { findServiceBySlug } from "@/db/queries/services";
import { decideChange, DecisionRefused } from "@/lib/changes/decide";
import { changeIdSchema, decisionSchema, fileChangeFormSchema, freezeFormSchema, freezeIdSchema, outcomeSchema } from "@/lib/changes/forms";
import { createFreeze, removeFreeze as removeFreezeWindow } from "@/lib/changes/freezes";
import { createTemplate, removeTemplate, templateFormSchema, templateIdSchema } from "@/lib/changes/catalog";
import { cancelChange, markChangeOutcome, submitDraft } from "@/lib/changes/lifecycle";
import { submitChange } from "@/lib/changes/submit";
import { AppError } from "@/lib/errors";
import { formatDateTime, SERVER_DATE_CONTEXT } from "@/lib/format";
import { authorizedAction } from "./authorized-action";

const refresh = (id?: number) => {
  if (id) revalidatePath(`/changes/${id}`);
  revalidatePath("/", "layout");
};

export const fileChange = authorizedAction({ schema: fileChangeFormSchema, permission: "record", doing: "file change requests" }, async ({ intent, change }, { user, db }) => {
  if (!(await findServiceBySlug(db.read, change.service))) throw new AppError("bad_request", "service: not a known service", { "change.service": "is not a known service" });
  const created = await submitChange(db, user, "ui", change, { draft: intent === "draft" });
  refresh();
  redirect(`/changes/${created.id}`);
});

export const decideAction = authorizedAction({ schema: decisionSchema, permission: "approve", doing: "approve or reject change requests" }, async ({ changeId, decision, comment }, { user, db }) => {
  const t = await getTranslations("ChangeActions");
  try {
    const { notice } = await decideChange(db, user, changeId, decision, comment);
    refresh(changeId);
    return { message: t(`notices.${notice}`) };
  } catch (error) {
    if (error instanceof DecisionRefused) throw new AppError("conflict", await refusalText(error));
    throw error;
  }
});

/** A refused decision in the page's language; the freeze's end in UTC, named, as the server cannot know the reader's zone. */
async function refusalText({ refusal }: DecisionRefused): Promise<string> {
  const t = await getTranslations("ChangeActions.refusals");
  switch (refusal.code) {
    case "notPending":
      return t("notPending", { status: (await getTranslations("Terms.changeStatus"))(refusal.status) });
    case "frozen": {
      // English as Tandem always wrote it (en-GB); another language in its own order.
      const locale = await getLocale();
      const ctx = locale === "en" ? SERVER_DATE_CONTEXT : { locale, timeZone: "UTC" };
      return t("frozen", { freeze: refusal.freeze, until: formatDateTime(refusal.until, ctx, { zone: true }) });
    }
    default:
      return t(refusal.code);
  }
}

export const submitDraftAction = authorizedAction({ schema: changeIdSchema, permission: "record", doing: "submit change requests" }, async ({ changeId }, { user, db }) => {
  await submitDraft(db, user, changeId);
  refresh(changeId);
  return { message: (await getTranslations("ChangeActions"))("submitted") };
});

export const cancelChangeAction = authorizedAction({ schema: changeIdSchema, permission: "record", doing: "cancel change requests" }, async ({ changeId }, { user, db }) => {
  await cancelChange(db, user, changeId);
  refresh(changeId);
  return { message: (await getTranslations("ChangeActions"))("cancelled") };
});

export const addFreeze = authorizedAction({ schema: freezeFormSchema, permission: "manage", doing: "set freeze windows" }, async (f, { user, db }) => {
  await createFreeze(db, user, f);
  revalidatePath("/changes/freezes");
  return { message: (await getTranslations("ChangeActions"))("freezeSet", { name: f.name }) };
});

export const removeFreeze = authorizedAction({ schema: freezeIdSchema, permission: "manage", doing: "remove freeze windows" }, async ({ id }, { user, db }) => {
  await removeFreezeWindow(db, user, id);
  revalidatePath("/changes/freezes");
  return { message: (await getTranslations("ChangeActions"))("freezeRemoved") };
});

export const outcomeAction = authorizedAction({ schema: outcomeSchema, permission: "record", doing: "close change requests" }, async ({ changeId, outcome }, { user, db }) => {
  await markChangeOutcome(db, user, changeId, outcome);
  refresh(changeId);
  return { message: (await getTranslations("ChangeActions"))(outcome === "implemented" ? "markedImplemented" : "markedFailed") };
});

export const addTemplate = authorizedAction({ schema: templateFormSchema, permission: "manage", doing: "edit the standard change catalog" }, async (t, { user, db }) => {
  await createTemplate(db, user, t);
  revalidatePath("/settings");
  return { message: (await getTranslations("ChangeActions"))("templateAdded", { title: t.title }) };
});

export const removeTemplateAction = authorizedAction({ schema: templateIdSchema, permission: "manage", doing: "edit the standard change catalog" }, async ({ id }, { user, db }) => {
  const removed = await removeTemplate(db, user, id);
  revalidatePath("/settings");
  return { message: (await getTranslations("ChangeActions"))("templateRemoved", { title: removed.title }) };
});
