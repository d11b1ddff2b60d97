import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { serverCommand } from "./server-command";

describe("serverCommand", () => {
  const { command, args } = serverCommand(4321, "127.0.0.1");
  const script = args.find((a) => a.endsWith(".mjs"))!;

  it("runs the compiled server in this Node with its GC flags, then the port and host", () => {
    expect(command).toBe(process.execPath);
    expect(args.slice(args.indexOf(script))).toEqual([script, "--port", "4321", "--hostname", "127.0.0.1"]);
    expect(args.slice(0, args.indexOf(script)).every((a) => a.startsWith("--"))).toBe(true);
  });

  it("compiles to plain JavaScript this Node parses, flags included", () => {
    expect(fs.readFileSync(script, "utf8")).toContain("serveIngestion");
    const check = spawnSync(command, [...args.slice(0, args.indexOf(script)), "--check", script], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});
