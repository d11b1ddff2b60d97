import { requireRecordPage } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown channel answers 404, not 200 with a not-found page. */
export default async function ChannelLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRecordPage("channel", (await params).id, "manage");
  return children;
}
