"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { TimelineEventJson } from "@/lib/timeline/feed";
import { Badge, type Tone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/styles";
import { useServerNow } from "@/components/ui/use-server-now";
import { RelativeTime } from "./relative-time";
import { formatCalendarDay } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";

type Page = { events: TimelineEventJson[]; next: string | null };

const TONE: Record<string, Tone> = { failed: "danger", "rolled back": "warning", declared: "danger", resolved: "success", succeeded: "success", approved: "accent", rejected: "danger", denied: "danger", allowed: "success" };

/** Each action an event may carry (lib/timeline/events.ts, gate decisions) → its catalog key. */
const ACTIONS = {
  queued: "queued",
  started: "started",
  succeeded: "succeeded",
  failed: "failed",
  cancelled: "cancelled",
  "rolled back": "rolledBack",
  declared: "declared",
  reopened: "reopened",
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
  acknowledged: "acknowledged",
  "lead changed": "leadChanged",
  "communications changed": "communicationsChanged",
  "severity changed": "severityChanged",
  "cause linked": "causeLinked",
  "cause unlinked": "causeUnlinked",
  "postmortem written": "postmortemWritten",
  "service changed": "serviceChanged",
  submitted: "submitted",
  approved: "approved",
  rejected: "rejected",
  implemented: "implemented",
  "policy violation": "policyViolation",
  allowed: "allowed",
  denied: "denied",
} as const;
const isKnownAction = (action: string): action is keyof typeof ACTIONS => Object.hasOwn(ACTIONS, action);

async function fetchPage(filters: string, before: string | null): Promise<Page> {
  const response = await fetch(`/api/v1/timeline?limit=50${filters ? `&${filters}` : ""}${before ? `&before=${encodeURIComponent(before)}` : ""}`);
  if (!response.ok) throw new Error(`Timeline request failed (${response.status})`);
  return response.json();
}

const byTimeDesc = (a: TimelineEventJson, b: TimelineEventJson) => b.at.localeCompare(a.at) || b.id - a.id;

/**
 * The live timeline: older pages load as the reader scrolls (or presses the button); every 2 s the
 * newest page is polled. New events join the top at once when the reader is at the top; otherwise a
 * pill says how many arrived, so the list never jumps under them. Times are relative to the server's
 * clock (`serverNow`, when it rendered the page), so a device whose clock is off still reads them right.
 */
export function TimelineView({ initial, filters, serverNow }: { initial: Page; filters: string; serverNow: number }) {
  const dateContext = useDateContext();
  const t = useTranslations("Timeline");
  const now = useServerNow(serverNow);
  const pages = useInfiniteQuery({
    queryKey: ["timeline", filters],
    queryFn: ({ pageParam }) => fetchPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  const live = useQuery({ queryKey: ["timeline-live", filters], queryFn: () => fetchPage(filters, null), refetchInterval: 2_000, refetchIntervalInBackground: true });
  const loaded = useMemo(() => pages.data.pages.flatMap((p) => p.events), [pages.data]);
  const arrived = useMemo(() => {
    const known = new Set(loaded.map((e) => e.id));
    return (live.data?.events ?? []).filter((e) => !known.has(e.id));
  }, [live.data, loaded]);
  const [atTop, setAtTop] = useState(true);
  const [accepted, setAccepted] = useState<ReadonlySet<number>>(new Set());
  const arrivedRef = useRef(arrived);
  useEffect(() => {
    arrivedRef.current = arrived;
  }, [arrived]);
  useEffect(() => {
    // Whatever was on screen when the reader scrolls away stays there; only later arrivals wait.
    const onScroll = () => {
      const top = window.scrollY < 120;
      setAtTop(top);
      if (!top) setAccepted((a) => (arrivedRef.current.every((e) => a.has(e.id)) ? a : new Set([...a, ...arrivedRef.current.map((e) => e.id)])));
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);
  const waiting = atTop ? [] : arrived.filter((e) => !accepted.has(e.id));
  const events = useMemo(() => {
    const visible = atTop ? arrived : arrived.filter((e) => accepted.has(e.id));
    return [...visible, ...loaded].sort(byTimeDesc);
  }, [arrived, accepted, atTop, loaded]);

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [pages]);

  const days: { day: string; events: TimelineEventJson[] }[] = [];
  for (const e of events) {
    const day = e.at.slice(0, 10);
    if (days.at(-1)?.day === day) days.at(-1)!.events.push(e);
    else days.push({ day, events: [e] });
  }

  return (
    <div className="space-y-6">
      <div aria-live="polite" className="sticky top-2 z-20 flex justify-center">
        {waiting.length > 0 ? (
          <button
            type="button"
            className={`${buttonClass.primary} shadow-lg`}
            onClick={() => {
              setAccepted((a) => new Set([...a, ...waiting.map((e) => e.id)]));
              window.scrollTo({ top: 0 });
            }}
          >
            {t("newEvents", { count: waiting.length })}
          </button>
        ) : null}
      </div>
      {live.isError ? (
        <p role="status" className="text-sm text-danger">
          {t("paused")}
        </p>
      ) : null}
      {days.map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`}>
          <h2 id={`day-${group.day}`} className="sticky top-0 z-10 mb-2 bg-bg py-1 text-sm font-semibold text-muted">
            {formatCalendarDay(group.day, dateContext, "full")}
          </h2>
          <ol className="divide-y divide-border rounded-lg border border-border">
            {group.events.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="timeline-event">
                <span className="w-44 shrink-0 text-muted">
                  <RelativeTime iso={e.at} now={now} />
                </span>
                <Badge>{t(`kinds.${e.type}`)}</Badge>
                <Badge tone={TONE[e.action] ?? "neutral"}>{isKnownAction(e.action) ? t(`actions.${ACTIONS[e.action]}`) : <span translate="no">{e.action}</span>}</Badge>
                {/* The summary is English prose written with the event (lib/timeline/events.ts): data, as stored. */}
                <Link href={e.url} className="font-medium hover:underline" translate="no">
                  {e.summary}
                </Link>
                <span className="text-muted" translate="no">
                  {[e.service, e.team, e.environment].filter(Boolean).join(" · ")}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <div ref={sentinel} />
      {pages.hasNextPage ? (
        <button type="button" className={buttonClass.secondary} onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {pages.isFetchingNextPage ? t("loading") : t("loadOlder")}
        </button>
      ) : (
        <p className="text-sm text-muted">{t("beginning")}</p>
      )}
    </div>
  );
}
