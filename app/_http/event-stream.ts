import type { Database } from "@/db/database";

const HEARTBEAT_MS = 15_000;
const HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "close",
};

type Open = { close: () => void };
const globalForStreams = globalThis as unknown as { tandemStreams?: { open: Set<Open>; draining: boolean } };

/**
 * Every open stream, so a SIGTERM can end them: the server waits for open responses before it
 * exits, and a redeploy must not hang on the TVs that are watching.
 */
function streams() {
  if (!globalForStreams.tandemStreams) {
    const state = { open: new Set<Open>(), draining: false };
    process.once("SIGTERM", () => {
      state.draining = true;
      for (const stream of [...state.open]) stream.close();
    });
    globalForStreams.tandemStreams = state;
  }
  return globalForStreams.tandemStreams;
}

/**
 * Server-Sent Events telling a client that the data changed: `data: <version>` now and after every
 * write, a comment every 15 s so proxies keep the connection, and `event: gone` (then the end) once
 * `allowed` says the viewer may no longer watch. EventSource reconnects by itself after a second.
 * With `contentVersion` (a digest of what this viewer sees), the version is that digest and a write
 * is told only when it moves it: a viewer of part of the data learns nothing of writes elsewhere.
 * Writes that arrive while it is worked out are answered by one more pass, not one each.
 */
export function changeStream(database: Database, signal: AbortSignal, allowed: () => boolean | Promise<boolean>, contentVersion?: () => Promise<string>): Response {
  const encoder = new TextEncoder();
  const state = streams();
  if (state.draining) return new Response("retry: 1000\n\n", { headers: HEADERS });
  const changes = database.changes;
  let stop = () => undefined as void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The client went away between two writes; the abort signal ends the rest.
          stop();
        }
      };
      // One check at a time, so messages leave in the order the changes came; a check that fails (the
      // database is closing) ends the stream, and EventSource reconnects through a fresh grant.
      let checked = Promise.resolve();
      const sendIfAllowed = (message: () => string | undefined | Promise<string | undefined>) => {
        checked = checked
          .then(async () => {
            if (closed) return;
            if (!(await allowed())) {
              send("event: gone\ndata: {}\n\n");
              return stop();
            }
            const text = await message();
            if (text !== undefined) send(text);
          })
          .catch(() => stop());
      };
      let shown: string | undefined;
      let passQueued = false;
      const changed = (prefix: string, version: string) => {
        if (!contentVersion) return sendIfAllowed(() => `${prefix}data: ${version}\n\n`);
        if (passQueued) return;
        passQueued = true;
        sendIfAllowed(async () => {
          passQueued = false;
          const now = await contentVersion();
          if (now === shown) return undefined;
          shown = now;
          return `${prefix}data: ${now}\n\n`;
        });
      };
      const unsubscribe = changes.subscribe((version) => changed("", version));
      const heartbeat = setInterval(() => sendIfAllowed(() => ": ping\n\n"), HEARTBEAT_MS);
      const entry: Open = { close: () => stop() };
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        state.open.delete(entry);
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already cancelled by the client: nothing left to close.
        }
      };
      state.open.add(entry);
      signal.addEventListener("abort", stop);
      changed("retry: 1000\n", changes.version());
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { headers: HEADERS });
}
