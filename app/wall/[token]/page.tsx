import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { wallData } from "@/lib/wall/data";
import { openWallLink } from "@/lib/wall/links";
import { WallView } from "@/components/wall/wall-view";

export const metadata: Metadata = { title: "Wall", robots: { index: false } };

/** A TV opens this without signing in; it shows the wall and nothing else. */
export default async function SharedWallPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = getDb();
  const access = openWallLink(db, token);
  if (!access.ok && access.reason === "unknown") notFound();
  if (!access.ok) {
    return (
      <main className="flex h-screen items-center justify-center bg-bg p-8 text-fg scheme-dark">
        <p role="alert" className="text-5xl font-semibold">
          This link was {access.reason}.
        </p>
      </main>
    );
  }
  const team = access.link.team ?? undefined;
  return <WallView endpoint={`/api/wall/${token}`} initial={wallData(db, team)} title={access.link.name} />;
}
