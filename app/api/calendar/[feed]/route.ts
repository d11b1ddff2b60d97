import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import { calendarFeedText, openCalendarFeed } from "@/lib/changes/calendar-feeds";
import { publicBaseUrl } from "@/lib/url";

/**
 * A team's (or everyone's) change calendar as iCal, for calendar apps, which cannot sign in: the secret
 * link is the credential. Unknown and revoked links get the same 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }) {
  await connection();
  const db = getDatabase();
  const feed = await openCalendarFeed(db, (await params).feed);
  if (!feed) {
    return Response.json({ error: { code: "not_found", message: "There is no calendar feed at this address (it may have been revoked)." } }, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  return new Response(await calendarFeedText(db, feed, publicBaseUrl(request.headers)), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="tandem-changes.ics"',
      // A revoked link must stop working at once, so no cache keeps the calendar.
      "Cache-Control": "no-store",
    },
  });
}
