import { relativeTime } from "@/lib/relative-time";

import { formatDateTime, formatTime, READER_DATE_CONTEXT, SERVER_DATE_CONTEXT } from "@/lib/format";

/**
 * "5 minutes ago" at `now` (the server's clock, from useServerNow); the absolute time is in the title
 * and the datetime attribute. Before the page knows the reader's clock (`now` null) it shows the UTC time.
 */
export function RelativeTime({ iso, now }: { iso: string; now: number | null }) {
  const at = new Date(iso);
  if (now === null) return <time dateTime={iso}>{formatTime(at, SERVER_DATE_CONTEXT, { zone: true })}</time>;
  return (
    <time dateTime={iso} title={formatDateTime(at, READER_DATE_CONTEXT, { zone: true })}>
      {relativeTime(at.getTime(), now)} <span className="text-muted">· {formatTime(at, READER_DATE_CONTEXT)}</span>
    </time>
  );
}
