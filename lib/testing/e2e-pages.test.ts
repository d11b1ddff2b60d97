import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_PAGES, routeOf } from "@/e2e/support/pages";

/** Every page.tsx under app/, as paths relative to the repository (app/(app)/timeline/page.tsx). */
function pageFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(file);
    return entry.name === "page.tsx" ? [file] : [];
  });
}

describe("the browser sweeps' page list (e2e/support/pages.ts)", () => {
  it("names the route of a page file without its route groups", () => {
    expect(routeOf("app/(app)/(overview)/page.tsx")).toBe("/");
    expect(routeOf("app/(app)/deployments/[id]/page.tsx")).toBe("/deployments/[id]");
    expect(routeOf("app/wall/[token]/page.tsx")).toBe("/wall/[token]");
  });

  it("lists every page of the app, so the axe and sideways-scroll sweeps visit it", () => {
    const files = pageFiles();
    expect(files.length).toBeGreaterThan(20);
    const listed = new Set(APP_PAGES.map((p) => p.route));
    expect(files.filter((f) => !listed.has(routeOf(f)))).toEqual([]);
  });

  it("lists no route that has no page", () => {
    const routes = new Set(pageFiles().map(routeOf));
    expect(APP_PAGES.map((p) => p.route).filter((r) => !routes.has(r))).toEqual([]);
  });
});
