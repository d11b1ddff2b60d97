import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { buildHandoffSummary, handoffCounts, type HandoffEvent, type HandoffSummary } from "./handoff";

const since = new Date("2026-11-19T08:00:00Z");
const until = new Date("2026-11-20T08:00:00Z");
const ev = (at: string, type: string, action: string, subjectId: number, summary = `${type} ${action}`): HandoffEvent => ({ at: new Date(at), type, action, service: "checkout", summary, subjectId });

describe("the hand-off summary", () => {
  const summary = buildHandoffSummary({
    since,
    until,
    events: [
      ev("2026-11-19T07:59:59Z", "deployment", "succeeded", 1), // before the shift
      ev("2026-11-19T09:00:00Z", "deployment", "started", 2),
      ev("2026-11-19T09:10:00Z", "deployment", "succeeded", 2),
      ev("2026-11-19T10:00:00Z", "deployment", "failed", 3),
      ev("2026-11-19T10:05:00Z", "incident", "declared", 7, "SEV2 declared: Checkout errors"),
      ev("2026-11-19T10:30:00Z", "deployment", "rolled back", 4),
      ev("2026-11-19T11:00:00Z", "incident", "declared", 8, "SEV3 declared: Slow search"),
      ev("2026-11-19T12:00:00Z", "incident", "resolved", 8),
      ev("2026-11-19T13:00:00Z", "change", "submitted", 20),
      ev("2026-11-19T14:00:00Z", "change", "approved", 21, "Change approved: Rotate keys"),
      ev("2026-11-20T08:00:00Z", "deployment", "succeeded", 5), // the next shift's
    ],
    openIncidents: [
      { id: 7, title: "Checkout errors", severity: "SEV2", service: "checkout" },
      { id: 3, title: "Old one", severity: "SEV4", service: "checkout" },
    ],
    waitingChanges: [{ id: 20, title: "Bump TLS", service: "checkout" }],
    freezesAhead: [{ name: "Black Friday", service: null, startsAt: new Date("2026-11-20T12:00:00Z"), endsAt: new Date("2026-11-23T00:00:00Z") }],
  });

  it("counts the shift's finished deployments, not those before or after it nor the started ones", () => {
    expect(summary.deployments).toMatchObject({ succeeded: 1, failed: 1, rolledBack: 1 });
    expect(summary.deployments.items.map((i) => i.id)).toEqual([2, 3, 4]);
  });

  it("lists incidents opened in the shift, which of them are still open, and every open one", () => {
    expect(summary.incidents.opened.map((i) => [i.id, i.stillOpen, i.summary])).toEqual([
      [7, true, "SEV2 declared: Checkout errors"],
      [8, false, "SEV3 declared: Slow search"],
    ]);
    expect(summary.incidents.stillOpen.map((i) => i.id)).toEqual([7, 3]);
  });

  it("lists changes approved in the shift, changes waiting, and freezes in the next shift", () => {
    expect(summary.changes.approved).toEqual([{ id: 21, service: "checkout", summary: "Change approved: Rotate keys", at: "2026-11-19T14:00:00.000Z" }]);
    expect(summary.changes.waiting).toEqual([{ id: 20, title: "Bump TLS", service: "checkout" }]);
    expect(summary.freezesAhead).toEqual([{ name: "Black Friday", service: null, startsAt: "2026-11-20T12:00:00.000Z", endsAt: "2026-11-23T00:00:00.000Z" }]);
    expect(summary).toMatchObject({ since: since.toISOString(), until: until.toISOString() });
  });

  it("reads as one line, in each language, from the counts", () => {
    const headline = (s: HandoffSummary, locale: "en" | "zh-CN") => new IntlMessageFormat((locale === "en" ? en : zh).Teams.handoffView.headline, locale).format(handoffCounts(s));
    expect(headline(summary, "en")).toBe("3 deployments (1 failed); 2 incidents opened, 2 still open; 1 change approved, 1 waiting; 1 freeze ahead");
    expect(headline(summary, "zh-CN")).toBe("3 次部署（1 次失败）；新开 2 个故障，2 个仍未解决；批准 1 个变更，1 个等待审批；接下来有 1 个冻结窗口");
    const quiet = buildHandoffSummary({ since, until, events: [], openIncidents: [], waitingChanges: [], freezesAhead: [] });
    expect(headline(quiet, "en")).toBe("0 deployments; 0 incidents opened, 0 still open; 0 changes approved, 0 waiting; 0 freezes ahead");
  });
});
