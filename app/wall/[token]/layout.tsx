import { requireKnownWall } from "@/app/_http/record-page";

/** Above the page's loading boundary: an unknown link answers 404, not 200 with a not-found page. */
export default async function SharedWallLayout({ children, params }: { children: React.ReactNode; params: Promise<{ token: string }> }) {
  await requireKnownWall((await params).token);
  return children;
}
