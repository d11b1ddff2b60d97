import { requireRecordPage } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown service answers 404, not 200 with a not-found page. */
export default async function ServiceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await requireRecordPage("service", (await params).slug);
  return children;
}
