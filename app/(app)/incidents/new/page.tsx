import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/app/_http/session";
import { DeclareIncidentForm } from "@/components/incidents/declare-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Declare incident" };

export default async function DeclareIncidentPage() {
  await requirePageUser("record");
  return (
    <>
      <PageHeader title="Declare incident" description="Start the response now; details can be added as you learn them." />
      <DeclareIncidentForm
        services={(await listFilterOptions(getDatabase().read)).services}
        people={(await listUsers(getDatabase().read)).filter((u) => u.role !== "viewer" && !u.banned)}
      />
    </>
  );
}
