import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { SESSION_VIEWS, SESSION_WALL } from "@/lib/wall/access";
import { wallData } from "@/lib/wall/data";
import { wallTheme } from "@/lib/wall/theme";
import { WallView } from "@/components/wall/wall-view";

/** The signed-in wall is titled by the product, a name the same in every language. */
const PRODUCT = "Tandem";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Wall"))("title") };
}

/**
 * The wall for a signed-in person, opened from the app's navigation, so it links back; TVs use a share
 * link (Settings → Wall links) so no session can expire on them.
 */
export default async function WallPage({ searchParams }: { searchParams: Promise<{ theme?: string | string[] }> }) {
  await requirePageUser();
  return <WallView endpoint={`/api/wall/${SESSION_WALL}`} initial={await wallData(getDatabase(), SESSION_VIEWS)} title={PRODUCT} backHref="/" theme={wallTheme((await searchParams).theme)} />;
}
