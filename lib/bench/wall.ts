import { gzipSync } from "node:zlib";
import type { Client } from "./http";
import { timingRow, type Row } from "./stats";

/** Reads a Server-Sent Events stream and resolves each wait with the next `data:` message. */
async function openEvents(wall: Client, path: string) {
  const controller = new AbortController();
  const response = await wall.send(path, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const nextMessage = async (): Promise<string> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(message);
        if (data) return data[1]!;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error(`${path} closed its stream`);
      buffer += value;
    }
  };
  return { nextMessage, close: () => controller.abort() };
}

async function within<T>(promise: Promise<T>, ms: number, problem: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(problem)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * From the POST of a deployment to the wall's data showing it: the wall listens on its event stream and
 * refetches its data on each message, as the page does. With two servers the wall is served by the one
 * that did not take the POST, so the event crosses between them through the database.
 */
export async function wallRows(wall: Client, ingest: Client, wallPath: string, runs: number, goalMs: number): Promise<Row[]> {
  const token = wallPath.split("/").at(-1)!;
  const events = await openEvents(wall, `/api/wall/${token}/events`);
  const samples: number[] = [];
  try {
    await events.nextMessage();
    for (let i = 0; i < runs; i++) {
      const version = `wall-${Date.now().toString(36)}-${i}`;
      const start = performance.now();
      await ingest.post("/api/v1/deployments", { service: "bench-wall", version, status: "success", finishedAt: new Date().toISOString() });
      for (;;) {
        await within(events.nextMessage(), 10_000, "no wall event within 10 s");
        if ((await wall.text(`/api/wall/${token}`)).includes(version)) break;
      }
      samples.push(performance.now() - start);
    }
  } finally {
    events.close();
  }
  const other = wall.base === ingest.base ? "" : " on the other server";
  return [timingRow(`event reaching an open wall display${other} (POST → SSE → wall data)`, samples, goalMs), await wallScriptRow(wall, wallPath)];
}

/** Gzip size of every script the wall's HTML loads on first visit. */
async function wallScriptRow(wall: Client, wallPath: string): Promise<Row> {
  const html = await wall.text(wallPath);
  // noModule scripts are polyfills only browsers without ES modules fetch; every current one skips them.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\snomodule\b/i.test(m[1]! + m[3]!));
  const sources = [...new Set(tags.map((m) => m[2]!.replaceAll("&amp;", "&")))];
  if (!sources.length) throw new Error(`${wallPath} references no scripts`);
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(Buffer.from(await (await wall.send(src.startsWith("http") ? new URL(src).pathname : src)).arrayBuffer())).length;
  return { figure: `JavaScript for /wall/{token} on first load, gzip (${sources.length} scripts)`, measured: `${(bytes / 1024).toFixed(1)} KiB`, goal: "reported", ratio: "—" };
}
