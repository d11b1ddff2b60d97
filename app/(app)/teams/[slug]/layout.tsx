import { requireRecordPage } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown team answers 404, not 200 with a not-found page. */
export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await requireRecordPage("team", (await params).slug);
  return children;
}
