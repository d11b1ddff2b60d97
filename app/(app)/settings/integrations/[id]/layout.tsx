import { requireRecordPage } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown integration answers 404, not 200 with a not-found page. */
export default async function IntegrationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRecordPage("integration", (await params).id, "manage");
  return children;
}
