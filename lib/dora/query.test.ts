import { describe, expect, it } from "vitest";
import { metricsQuerySchema } from "./query";

describe("metrics query", () => {
  it("defaults to the 30 days before now in production", () => {
    const before = Date.now();
    const q = metricsQuerySchema.parse({});
    expect(q.to.getTime()).toBeGreaterThanOrEqual(before);
    expect(q.to.getTime() - q.from.getTime()).toBe(30 * 86_400_000);
    expect(q.environment).toBe("production");
    expect(q.service).toBeUndefined();
  });

  it("accepts any offset and normalises filters", () => {
    const q = metricsQuerySchema.parse({ from: "2026-01-01T02:00:00+02:00", to: "2026-01-08T00:00:00Z", environment: "Staging", team: "" });
    expect(q.from.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(q.environment).toBe("staging");
    expect(q.team).toBeUndefined();
  });

  it("reads a date as its 00:00 UTC, whatever the server's zone", () => {
    const q = metricsQuerySchema.parse({ from: "2026-03-01", to: "2026-03-08" });
    expect([q.from.toISOString(), q.to.toISOString()]).toEqual(["2026-03-01T00:00:00.000Z", "2026-03-08T00:00:00.000Z"]);
  });

  it("accepts windows at the edges of four-digit years", () => {
    expect(metricsQuerySchema.parse({ to: "0000-01-08T00:00:00Z" }).from.toISOString()).toBe("-000001-12-09T00:00:00.000Z");
    expect(metricsQuerySchema.parse({ from: "9999-12-01T00:00:00Z", to: "9999-12-31T23:59:59.999Z" }).to.getUTCFullYear()).toBe(9999);
  });

  it.each([
    [{ from: "yesterday" }, "from", "from must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    // Once read by Date.parse: "1" became 2001, and a time without an offset the server's own zone.
    [{ from: "1" }, "from", "from must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ from: "March 1 2026" }, "from", "from must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ from: "2026-03-01T00:00:00" }, "from", "from must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ to: "2026-02-30" }, "to", "to must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ to: "2026-02-30T00:00:00Z" }, "to", "to must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "from", "must be before to"],
    [{ from: "2026-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "from", "must be before to"],
    [{ from: "2023-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "from", "the window must be at most 731 days (2 years)"],
    // Once a 500: the default window (or its first week) reached before the earliest Date and became invalid.
    [{ from: "-271821-04-20T00:00:00Z" }, "from", "from must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ to: "-000001-06-01T00:00:00Z" }, "to", "to must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    [{ to: "+275760-09-13T00:00:00Z" }, "to", "to must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
  ])("refuses %j", (input, path, message) => {
    const r = metricsQuerySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: [path], message });
  });
});
