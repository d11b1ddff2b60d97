import fs from "node:fs";
import { test, expect } from "./support/fixtures";
import { OwnServer } from "./support/own-server";

test("the production server runs on the build's resolved config, without loading Next's compiler", async () => {
  test.setTimeout(60_000);
  const server = new OwnServer("server-process");
  try {
    await server.cli("migrate");
    await server.start();
    // A page and an API route: Next has loaded its config and rendered by then.
    expect((await fetch(`${server.base}/sign-in`)).status).toBe(200);
    expect((await fetch(`${server.base}/api/health`)).headers.get("x-frame-options")).toBe("DENY");
    const maps = fs.readFileSync(`/proc/${server.pid}/maps`, "utf8");
    // Reading next.config.ts would have mapped SWC's native library (26 MB resident) for the server's life.
    expect(maps).toContain("better_sqlite3.node");
    expect(maps).not.toContain("next-swc");
  } finally {
    await server.kill("SIGTERM");
    server.remove();
  }
});
