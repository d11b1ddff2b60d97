import { relativeTime } from "@/lib/relative-time";

/**
 * "5 minutes ago" at `now` (the server's clock, from useServerNow); the absolute time is in the title
 * and the datetime attribute. Before the page knows the reader's clock (`now` null) it shows the UTC time.
 */
export function RelativeTime({ iso, now }: { iso: string; now: number | null }) {
  const at = new Date(iso);
  if (now === null) return <time dateTime={iso}>{iso.slice(11, 16)} UTC</time>;
  return (
    <time dateTime={iso} title={new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(at)}>
      {relativeTime(at.getTime(), now)} <span className="text-muted">· {new Intl.DateTimeFormat(undefined, { timeStyle: "short" }).format(at)}</span>
    </time>
  );
}
