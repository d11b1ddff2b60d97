import { parseArgs } from "node:util";
import next from "next";
import { getDatabase } from "@/db/client";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "@/lib/auth/client-address";
import { ConfigError, parseConfig } from "@/lib/config/config";
import { GroupCommit } from "@/lib/ingest/group-commit";
import { channelKey } from "@/lib/notifications/channels";
import { NotificationWorker } from "@/lib/notifications/worker";
import { sendOverdueReminders } from "@/lib/action-items/overdue-reminders";
import { startPeriodic } from "@/lib/jobs/periodic";
import { runHandoffs } from "@/lib/oncall/handoff-job";
import { integrationKey } from "@/lib/webhooks/integrations";
import { processProtectionRequests, RECHECK_MS } from "@/lib/webhooks/protection";
import { adoptBuiltConfig } from "./built-config";
import { createTandemServer } from "./http-server";
import { isIngestion, serveIngestion } from "./ingest-fast-path";
import { fastRead, serveRead } from "./read-fast-path";
import { methodNotAllowed } from "@/lib/api/route-methods";
import { requestPath } from "./request-path";
import { sendReply } from "./send-reply";

/*
 * The production server: Next's request handler behind a plain node:http server that answers
 * deployment ingestion (ingest-fast-path.ts) and the API's most asked reads (read-fast-path.ts) itself. Started through serverCommand (lib/cli/server-command.ts), which
 * compiles this file first; `--port N` and `--hostname H` override PORT and the all-interfaces default.
 */

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
let config;
try {
  config = parseConfig(values.port ? { ...process.env, PORT: values.port } : process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(`tandem: ${e.message}`);
  process.exit(1);
}
const hostname = values.hostname;

adoptBuiltConfig(process.cwd());
const app = next({ dev: false, dir: process.cwd(), hostname, port: config.port });
const handle = app.getRequestHandler();
await app.prepare();
// The process's one Database, shared with Next's routes (both find it on globalThis): one writer queue
// for both doors, so their transactions take turns in-process instead of waiting on SQLite's lock, and
// one reader, so the server keeps two connections rather than four.
const database = getDatabase();
const writer = new GroupCommit(database);
const trusted = config.trustProxy.length > 0 ? trustedProxies(config.trustProxy) : null;

const server = createTandemServer((request, response) => {
  // Only this server knows the socket: it names the client for the sign-in limit and the session record,
  // overwriting the header should a client have sent one itself.
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
  if (isIngestion(request)) return void serveIngestion(request, response, writer);
  const read = fastRead(request);
  if (read) return void serveRead(request, response, database, read);
  // Here, not in Next's proxy, which would read the whole body first: a wrong method is answered unread.
  const refused = methodNotAllowed(request.method ?? "", requestPath(request) ?? "");
  if (refused) return sendReply(response, refused, !request.complete);
  void handle(request, response);
});
server.listen(config.port, hostname, () => console.log(`Tandem is serving on http://${hostname ?? "localhost"}:${config.port}`));
// The jobs are idempotent across servers (a unique hand-over key, a told-today mark), so every server runs them.
const stopJobs = [startPeriodic("hand-over", 60_000, () => runHandoffs(database, new Date())), startPeriodic("overdue reminder", 60_000, () => sendOverdueReminders(database, new Date())),
  // Waiting deployment gates are leased one server at a time; asked every few seconds, a change approved
  // lets its waiting deployment go within seconds.
  startPeriodic("deployment gate", RECHECK_MS, async () => processProtectionRequests(database, await integrationKey(database, config.secret))),
];

// Links in Slack, Teams and email point at TANDEM_URL; without it, at this server as it listens.
const linkBase = config.publicUrl ?? `http://${hostname ?? "localhost"}:${config.port}`;
let delivery: Promise<{ key: Buffer; baseUrl: string; smtp: typeof config.smtp }> | undefined;
const notifications = new NotificationWorker(database, () => (delivery ??= channelKey(database, config.secret).then((key) => ({ key, baseUrl: linkBase, smtp: config.smtp }))));
notifications.start();

let closing = false;
/** Finish the requests in flight (live streams end themselves on SIGTERM), then exit as `next start` does. */
function shutdown(signal: "SIGINT" | "SIGTERM") {
  if (closing) return;
  closing = true;
  for (const stop of stopJobs) stop();
  // A client holding a connection open must not keep a redeploy waiting.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => {
    void notifications
      .stop()
      .then(() => app.close())
      .catch(console.error)
      .then(() => database.close())
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
