import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import { grantWall } from "@/lib/wall/access";
import { wallData } from "@/lib/wall/data";
import { wallTheme } from "@/lib/wall/theme";
import { WallMessage } from "@/components/wall/wall-message";
import { WallView } from "@/components/wall/wall-view";
import { currentSessionId } from "@/app/_http/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Wall"))("title"), robots: { index: false } };
}

/** A TV opens this without signing in; it shows the wall and nothing else. */
export default async function SharedWallPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ theme?: string | string[] }> }) {
  await connection();
  const { token } = await params;
  const db = getDatabase();
  const grant = await grantWall(db, token, currentSessionId);
  if (!grant.ok && grant.status === 404) notFound();
  if (!grant.ok) return <WallMessage>{(await getTranslations("Wall"))(`gone.${grant.code as "revoked" | "expired"}`)}</WallMessage>;
  return <WallView endpoint={`/api/wall/${encodeURIComponent(token)}`} initial={await wallData(db, grant.views, grant.rotateSeconds)} title={grant.title} theme={wallTheme((await searchParams).theme)} />;
}
