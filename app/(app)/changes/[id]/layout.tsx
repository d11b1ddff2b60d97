import { requireRecordPage } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown change answers 404, not 200 with a not-found page. */
export default async function ChangeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRecordPage("change", (await params).id);
  return children;
}
