import { requireRecordPage } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown drill-down answers 404, not 200 with a not-found page. */
export default async function DrilldownLayout({ children, params }: { children: React.ReactNode; params: Promise<{ kind: string }> }) {
  await requireRecordPage("drilldown", (await params).kind);
  return children;
}
