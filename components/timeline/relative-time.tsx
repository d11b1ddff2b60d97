import { useLocale } from "next-intl";
import { relativeTime } from "@/lib/relative-time";
import { formatDateTime, formatTime } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";

/**
 * "5 minutes ago" ("5 分钟前") at `now` (the server's clock, from useServerNow), in the page's language;
 * the absolute time is in the title and the datetime attribute. Before the page knows the reader's
 * clock (`now` null) it shows the time as the server renders it, naming the zone.
 */
export function RelativeTime({ iso, now }: { iso: string; now: number | null }) {
  const locale = useLocale();
  const ctx = useDateContext();
  const at = new Date(iso);
  if (now === null) return <time dateTime={iso}>{formatTime(at, ctx, { zone: true })}</time>;
  return (
    <time dateTime={iso} title={formatDateTime(at, ctx, { zone: true })}>
      {relativeTime(at.getTime(), now, locale)} <span className="text-muted">· {formatTime(at, ctx)}</span>
    </time>
  );
}
