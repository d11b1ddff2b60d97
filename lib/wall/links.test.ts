import { describe, expect, it } from "vitest";
import { memoryDb } from "@/db/test/temp-db";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { wallData, wallWindow } from "./data";
import { createWallLink, linkViews, openWallLink, revokeWallLink } from "./links";
import { newWallLinkSchema } from "./schema";

const link = (input: Record<string, unknown>) => newWallLinkSchema.parse(input);

describe("wall links", () => {
  it("open until revoked or expired, and only a digest is stored", async () => {
    const s = scenario();
    await s.service("checkout-api", "payments");
    const { link: created, path } = await createWallLink(s.db, CLI_ACTOR, link({ name: "TV", views: [{ team: "payments" }] }));
    const token = path.split("/").at(-1)!;
    expect(path).toMatch(/^\/wall\/wl_[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(s.db.sqlite.prepare("select * from wall_links").all())).not.toContain(token);
    const opened = await openWallLink(s.db, token);
    expect(opened.ok && linkViews(opened.link)).toEqual([{ name: "Team payments", team: "payments", panels: "all" }]);
    expect(await openWallLink(s.db, "wl_nope")).toEqual({ ok: false, reason: "unknown" });
    await revokeWallLink(s.db, CLI_ACTOR, created.id);
    expect(await openWallLink(s.db, token)).toEqual({ ok: false, reason: "revoked" });
    const expiring = await createWallLink(s.db, CLI_ACTOR, link({ name: "Temp", views: [{}], expires: new Date(Date.now() + 60_000).toISOString() }));
    expect(await openWallLink(s.db, expiring.path.split("/").at(-1)!, new Date(Date.now() + 120_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a team or service that does not exist, naming the view's field, and writes nothing", async () => {
    const s = scenario();
    await s.service("checkout-api", "payments");
    const attempt = () => createWallLink(s.db, CLI_ACTOR, link({ name: "TV", views: [{ team: "payments" }, { services: "checkout-api, chekout" }] }));
    await expect(attempt()).rejects.toThrow(AppError);
    try {
      await attempt();
    } catch (e) {
      expect((e as AppError).fields).toEqual({ "views.1.services": "there is no service chekout (check the spelling, or record it first)" });
    }
    expect(s.db.sqlite.prepare("select count(*) as n from wall_links").get()).toEqual({ n: 0 });
  });

  it("reads links made before views existed as one view of their team", () => {
    const s = scenario();
    s.db.sqlite.prepare("insert into wall_links (name, team, token_hash, created_at) values ('Old TV', 'payments', 'x', 0)").run();
    const old = s.db.sqlite.prepare("select * from wall_links").get() as Record<string, unknown>;
    expect(linkViews({ ...old, views: null, services: null, team: "payments", name: "Old TV" } as never)).toEqual([{ name: "Old TV", team: "payments", services: undefined, panels: "all" }]);
  });
});

describe("the wall link form and CLI schema", () => {
  it("gathers the form's numbered view fields, leaving out spare rows and unknown keys", () => {
    const parsed = newWallLinkSchema.parse({
      name: "Floor",
      rotate: "",
      "views.0.name": "",
      "views.0.team": "payments",
      "views.0.services": "",
      "views.0.panels": "all",
      "views.1.name": "Fires",
      "views.1.team": "",
      "views.1.services": "checkout-api cart,checkout-api",
      "views.1.panels": "incidents",
      "views.2.name": "",
      "views.2.team": "",
      "views.2.services": "",
      "views.2.panels": "all",
      __proto__: "x",
      "views.0.constructor": "y",
    });
    expect(parsed).toEqual({
      name: "Floor",
      expires: undefined,
      rotate: 30,
      theme: "dark",
      views: [
        { name: "Team payments", team: "payments", services: undefined, panels: "all" },
        { name: "Fires", team: undefined, services: ["checkout-api", "cart"], panels: "incidents" },
      ],
    });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it.each([
    [{ name: "TV" }, "views", "name at least one view"],
    [{ name: "TV", "views.0.team": "Bad Team!" }, "views.0.team", "must be a slug"],
    [{ name: "TV", "views.0.team": "a", rotate: "4" }, "rotate", "must be a whole number of seconds between 5 and 3600"],
    [{ name: "TV", "views.0.team": "a", rotate: "ten" }, "rotate", "must be a whole number of seconds between 5 and 3600"],
    [{ name: "TV", "views.0.team": "a", rotate: "0x1e" }, "rotate", "must be a whole number of seconds between 5 and 3600"],
    [{ name: "TV", "views.0.panels": "charts" }, "views.0.panels", "must be one of all, incidents"],
    [{ name: "TV", views: Array.from({ length: 7 }, () => ({})) }, "views", "may hold at most 6 views"],
    [{ name: "TV", views: [{}], expires: "31/01/2027" }, "expires", "must be a date (2027-01-31) or an ISO-8601 timestamp"],
    [{ name: "TV", views: [{}], expires: "2026-11-19" }, "expires", "must be in the future"],
    [{ name: "TV", views: [{}], theme: "neon" }, "theme", "must be one of dark, light"],
  ])("refuses %j", (input, path, message) => {
    const r = newWallLinkSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, expect.stringContaining(message)]);
  });
});

describe("a wall link's expiry and theme", () => {
  it("reads a day from the form's date control as the end of that UTC day, and an instant as given", () => {
    // The pinned clock is 2026-11-20 14:30 UTC: a link expiring today still works until midnight.
    expect(newWallLinkSchema.parse({ name: "TV", views: [{}], expires: "2026-11-20" }).expires).toEqual(new Date("2026-11-21T00:00:00Z"));
    expect(newWallLinkSchema.parse({ name: "TV", views: [{}], expires: "2027-01-31T09:00:00+01:00" }).expires).toEqual(new Date("2027-01-31T08:00:00Z"));
  });

  it("takes a light theme from the form, dark otherwise", () => {
    expect(newWallLinkSchema.parse({ name: "TV", "views.0.team": "", theme: "light" }).theme).toBe("light");
    expect(newWallLinkSchema.parse({ name: "TV", views: [{}] }).theme).toBe("dark");
  });
});

describe("wall data", () => {
  it("serves every view as plain JSON, each narrowed to its team or services", async () => {
    const s = scenario();
    const now = new Date();
    await s.deploy({ service: "checkout-api", team: "payments", finishedAt: now.toISOString() });
    await s.deploy({ service: "search", team: "discovery", finishedAt: now.toISOString(), status: "failure" });
    const data = await wallData(s.db, [
      { name: "Payments", team: "payments", panels: "all" },
      { name: "Search", services: ["search"], panels: "incidents" },
    ], 15, now);
    expect(data.rotateSeconds).toBe(15);
    const [payments, search] = data.views;
    expect(payments).toMatchObject({ name: "Payments", panels: "all", today: [{ service: "checkout-api", succeeded: 1, failed: 0 }] });
    expect(payments!.panels === "all" && payments!.metrics.deploymentFrequency.perDay).toBeCloseTo(1 / 30);
    expect(search).toEqual({ name: "Search", panels: "incidents", incidents: [] });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("covers the last 30 whole UTC days, today included, so refreshes reuse the cached figures", () => {
    expect(wallWindow(new Date("2026-11-22T18:30:00Z"))).toEqual({ from: new Date("2026-10-24T00:00:00Z"), to: new Date("2026-11-23T00:00:00Z") });
  });

  it("starts empty on an empty database", async () => {
    const { db } = memoryDb();
    const [view] = (await wallData(db, [{ name: "All", panels: "all" }])).views;
    expect(view).toMatchObject({ incidents: [], changes: { waiting: 0, top: [] }, freeze: null, today: [], events: [], metrics: { deploymentFrequency: { perDay: 0, level: "low" } } });
  });
});

describe("the first view row", () => {
  it("is the whole wall when left blank", () => {
    expect(newWallLinkSchema.parse({ name: "TV", "views.0.name": "", "views.0.team": "", "views.0.services": "", "views.0.panels": "all" }).views).toEqual([
      { name: "Everything", team: undefined, services: undefined, panels: "all" },
    ]);
  });
});
