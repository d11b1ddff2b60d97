"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { serviceFormSchema } from "@/lib/services/schema";
import { upsertService } from "@/lib/services/services";
import { findServiceBySlug } from "@/db/queries/services";
import { notFound } from "@/lib/errors";
import { authorizedAction } from "./authorized-action";

/** The service page's edit form: the same schema and rules as PUT /api/v1/services/{slug}. */
export const editService = authorizedAction(
  { schema: serviceFormSchema, permission: "manage", doing: "edit services", labels: { repository: "Repository URL" } },
  async ({ slug, ...fields }, { user, db }) => {
    if (!(await findServiceBySlug(db.read, slug))) throw notFound("service", slug);
    const { service } = await upsertService(db, user, slug, fields);
    revalidatePath(`/services/${slug}`);
    revalidatePath("/services");
    return { message: (await getTranslations("Services"))("saved", { name: service.name }) };
  },
);
