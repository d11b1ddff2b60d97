import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { hashToken } from "@/lib/auth/tokens";
import { runCli } from "./run";
import { captureIo } from "./test-io";

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

const env = () => ({ DATABASE_URL: `file:${t.file}` });
async function cli(...argv: string[]) {
  const io = captureIo(env());
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n"), lastLine: io.stdout.at(-1) ?? "", stderr: io.stderr };
}
const query = <T>(sql: string): T[] => {
  const db = new Database(t.file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

describe("tandem CLI", () => {
  it("migrate creates and migrates the database", async () => {
    const r = await cli("migrate");
    expect(r.code).toBe(0);
    expect(fs.existsSync(t.file)).toBe(true);
    expect(query<{ name: string }>("select name from sqlite_master where name = 'deployments'")).toHaveLength(1);
    expect((await cli("migrate")).code).toBe(0);
  });

  it("prints one line and exits non-zero for an unknown command or none", async () => {
    for (const name of ["frobnicate", "constructor"]) {
      const r = await cli(name);
      expect(r.code).toBe(1);
      expect(r.stderr).toEqual([`tandem: unknown command "${name}"; run "npm run tandem -- help" for the list`]);
    }
    const none = await cli();
    expect(none).toMatchObject({ code: 1, out: "" });
    expect(none.stderr).toEqual(["tandem: name a command: migrate, seed, user, token, backup, restore, integration, wall-link, rebuild, copy, channel (npm run tandem -- help lists them)"]);
  });

  it.each(["help", "--help"])("prints the usage to stdout for %s", async (name) => {
    const r = await cli(name);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(/^usage: npm run tandem -- <command>\n/);
  });

  it.each([
    [["migrate", "extra-arg"], "migrate"],
    [["rebuild", "extra-arg"], "rebuild"],
    [["seed", "--demo", "extra-arg"], "seed --demo"],
    [["token", "create", "--name", "x", "--role", "admin", "extra-arg"], "token create"],
    [["user", "add", "--email", "a@example.com", "--name", "A", "--role", "viewer", "--password", "long-enough-1", "extra-arg"], "user add"],
    [["integration", "add", "--source", "github", "--name", "x", "extra-arg"], "integration add"],
    [["wall-link", "create", "--name", "TV", "extra-arg"], "wall-link create"],
    [["channel", "add", "--kind", "slack", "--name", "x", "--target", "https://hooks.slack.com/x", "extra-arg"], "channel add"],
    [["copy", "--to", "file:/tmp/never-written.db", "extra-arg"], "copy --to"],
  ])("refuses an argument %j does not take, naming it, before opening the database", async (argv, usage) => {
    const r = await cli(...argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.err).toContain(`tandem: Unexpected argument 'extra-arg'. This command does not take positional arguments (usage: ${usage}`);
    expect(fs.existsSync(t.file)).toBe(false);
  });

  it("names a bad configuration variable", async () => {
    const io = captureIo({ DATABASE_URL: "mysql://db/tandem" });
    expect(await runCli(["migrate"], io)).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/^tandem: DATABASE_URL: must be file:PATH .* or postgres:\/\//)]);
  });

  it.each([
    ["backup", "pg_dump"],
    ["restore", "pg_restore"],
  ])("%s on PostgreSQL exits 1 naming %s, without touching the database", async (command, tool) => {
    const io = captureIo({ DATABASE_URL: "postgres://tandem@127.0.0.1:1/tandem" });
    expect(await runCli([command, "/tmp/tandem-never-written.db"], io)).toBe(1);
    expect(io.stderr).toEqual([expect.stringContaining(tool)]);
  });

  it("says which database it cannot reach, without its password", async () => {
    const io = captureIo({ DATABASE_URL: "postgres://tandem:s3cret@127.0.0.1:1/tandem" });
    expect(await runCli(["migrate"], io)).toBe(1);
    expect(io.stderr).toEqual([expect.stringMatching(/^tandem: DATABASE_URL: cannot open the database postgres:\/\/tandem:\*\*\*\*@127\.0\.0\.1:1\/tandem: /)]);
  });

  describe("token create", () => {
    it("prints the token alone on its last line and stores only its digest", async () => {
      const r = await cli("token", "create", "--name", "GitHub Actions", "--role", "ingest");
      expect(r.code).toBe(0);
      expect(r.lastLine).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
      const rows = query<{ name: string; role: string; token_hash: string }>("select name, role, token_hash from api_tokens");
      expect(rows).toEqual([{ name: "GitHub Actions", role: "ingest", token_hash: hashToken(r.lastLine) }]);
      expect(fs.readFileSync(t.file).includes(Buffer.from(r.lastLine))).toBe(false);
    });

    it.each([
      [["--name", "x", "--role", "root"], "--role must be one of ingest, read, admin"],
      [["--role", "read"], "--name is required"],
      [["--name", "x"], "--role is required"],
      [["--name", "x", "--role", "read", "--colour", "red"], "Unknown option '--colour'"],
      [["--name", "a\nb", "--role", "read"], "--name must be one line, without line breaks, tabs or other control characters"],
    ])("refuses %j with a one-line message and writes nothing", async (args, message) => {
      const r = await cli("token", "create", ...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toHaveLength(1);
      expect(r.err).toContain(message);
      if (fs.existsSync(t.file)) expect(query("select * from api_tokens")).toEqual([]);
    });
  });

  describe("user add", () => {
    const good = ["--email", "Ada@Example.com", "--name", "Ada", "--role", "approver", "--password", "correct-horse-1"];

    it("creates a user who has a hashed password", async () => {
      const r = await cli("user", "add", ...good);
      expect(r.code).toBe(0);
      expect(r.out).toBe("Created approver Ada <ada@example.com>.");
      const [row] = query<{ email: string; role: string; password: string }>(
        "select u.email, u.role, a.password from user u join account a on a.user_id = u.id",
      );
      expect(row).toMatchObject({ email: "ada@example.com", role: "approver" });
      expect(row!.password).not.toContain("correct-horse-1");
      expect(query("select action from audit_log where action = 'user.create'")).toHaveLength(1);
    });

    it("refuses a second user with the same email", async () => {
      await cli("user", "add", ...good);
      const r = await cli("user", "add", ...good);
      expect(r.code).toBe(1);
      expect(r.stderr).toEqual(["tandem: A user with the email ada@example.com already exists."]);
      expect(query("select * from user")).toHaveLength(1);
    });

    it.each([
      [["--email", "nope", "--name", "A", "--role", "viewer", "--password", "long-enough-1"], "--email must be an email address"],
      [["--email", "a@example.com", "--name", "A", "--role", "boss", "--password", "long-enough-1"], "--role must be one of viewer, engineer, approver, admin"],
      [["--email", "a@example.com", "--name", "A", "--role", "viewer", "--password", "short"], "--password must be at least 10 characters"],
      [["--email", "a@example.com", "--role", "viewer", "--password", "long-enough-1"], "--name is required"],
      [["--email", "a@example.com", "--name", "A\nB", "--role", "viewer", "--password", "long-enough-1"], "--name must be one line"],
    ])("refuses %j", async (args, message) => {
      const r = await cli("user", "add", ...args);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
      expect(fs.existsSync(t.file)).toBe(false);
    });

    it("needs the add subcommand", async () => {
      const r = await cli("user", "remove");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^tandem: unknown user command remove/);
    });
  });

  describe("seed --demo", () => {
    it("fills an empty database and then refuses to seed it again", async () => {
      const r = await cli("seed", "--demo", "--days", "14", "--services", "3", "--seed", "5");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Seeded 3 services, \d+ deployments, \d+ incidents and \d+ change requests over 14 days\.$/);
      expect(query("select * from services")).toHaveLength(3);
      const again = await cli("seed", "--demo");
      expect(again.code).toBe(1);
      expect(again.stderr).toEqual(["tandem: the database already holds data; seed --demo only fills an empty database"]);
    });

    it.each([
      [["--days", "0"], "--days must be a whole number between 1 and 3650"],
      [["--days", "many"], "--days must be a whole number between 1 and 3650"],
      [["--days", "99999999999999999999"], "--days must be a whole number between 1 and 3650"],
      [["--services", "501"], "--services must be a whole number between 1 and 500"],
      [["--services", "0x1"], "--services must be a whole number between 1 and 500"],
      [[], "only demo data can be seeded: pass --demo"],
    ])("refuses %j", async (args, message) => {
      const r = await cli("seed", ...(args[0] === undefined ? [] : ["--demo"]), ...args);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
    });

    it("reports progress on long work", async () => {
      const r = await cli("seed", "--demo", "--days", "20", "--services", "2");
      expect(r.stderr.filter((l) => l.startsWith("Seeding demo data:")).at(-1)).toBe("Seeding demo data: 100%");
    });
  });

  describe("backup", () => {
    it("writes a consistent copy that opens and passes an integrity check", async () => {
      await cli("seed", "--demo", "--days", "10", "--services", "2");
      const target = `${t.dir}/backup.db`;
      const r = await cli("backup", target);
      expect(r.code).toBe(0);
      const copy = new Database(target, { readonly: true });
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const count = (db: Database.Database) => (db.prepare("select count(*) n from deployments").get() as { n: number }).n;
      const original = new Database(t.file, { readonly: true });
      expect(count(copy)).toBe(count(original));
      expect(count(copy)).toBeGreaterThan(0);
      copy.close();
      original.close();
    });

    it("never overwrites an existing file and needs exactly one path", async () => {
      await cli("migrate");
      fs.writeFileSync(`${t.dir}/exists.db`, "keep me");
      const r = await cli("backup", `${t.dir}/exists.db`);
      expect(r.code).toBe(1);
      expect(r.err).toContain("already exists");
      expect(fs.readFileSync(`${t.dir}/exists.db`, "utf8")).toBe("keep me");
      expect((await cli("backup")).err).toContain("name one file to write");
      expect((await cli("backup", `${t.dir}/no/such/folder/b.db`)).err).toContain("does not exist");
    });
  });

  describe("restore", () => {
    const count = (sql: string) => (query<{ n: number }>(sql)[0]!).n;

    it("replaces the database with a backup and keeps the one it replaced", async () => {
      await cli("seed", "--demo", "--days", "10", "--services", "2");
      const deployments = count("select count(*) n from deployments");
      const backup = `${t.dir}/backup.db`;
      expect((await cli("backup", backup)).code).toBe(0);
      await cli("token", "create", "--name", "after the backup", "--role", "read");
      expect(count("select count(*) n from api_tokens")).toBe(1);

      const r = await cli("restore", backup);
      expect(r.code).toBe(0);
      expect(count("select count(*) n from api_tokens")).toBe(0);
      expect(count("select count(*) n from deployments")).toBe(deployments);
      const aside = /kept as (.+)\.$/.exec(r.lastLine)![1]!;
      const kept = new Database(aside, { readonly: true });
      expect((kept.prepare("select count(*) n from api_tokens").get() as { n: number }).n).toBe(1);
      kept.close();
      expect(fs.existsSync(backup)).toBe(true);
      expect(fs.readdirSync(t.dir).filter((f) => f.includes("restoring"))).toEqual([]);
    });

    it("refuses while another process has the database open, and changes nothing", async () => {
      await cli("migrate");
      const backup = `${t.dir}/backup.db`;
      await cli("backup", backup);
      await cli("token", "create", "--name", "keep", "--role", "read");
      const server = new Database(t.file);
      server.prepare("select 1").get();
      const r = await cli("restore", backup);
      server.close();
      expect(r.code).toBe(1);
      expect(r.err).toContain("the database is in use: stop Tandem");
      expect(count("select count(*) n from api_tokens")).toBe(1);
    });

    it("refuses a file that is not a sound Tandem database, and changes nothing", async () => {
      await cli("migrate");
      fs.writeFileSync(`${t.dir}/text.db`, "not a database at all, just some text that is long enough to have a header");
      expect((await cli("restore", `${t.dir}/text.db`)).err).toContain("is not a");
      const other = new Database(`${t.dir}/other.db`);
      other.exec("create table notes (body text)");
      other.close();
      expect((await cli("restore", `${t.dir}/other.db`)).err).toContain("is not a Tandem database");
      expect((await cli("restore", `${t.dir}/missing.db`)).err).toContain("does not exist");
      expect((await cli("restore")).err).toContain("name one backup file");
      expect(count("select count(*) n from sqlite_master where name = 'deployments'")).toBe(1);
      expect(fs.readdirSync(t.dir).filter((f) => f.includes("restoring") || f.includes("before-restore"))).toEqual([]);
    });
  });

  // Issue 15, item 5: backups were created 0644 and hold the session secret and live sessions.
  describe("file modes", () => {
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    let umask = 0;
    beforeEach(() => {
      umask = process.umask(0);
    });
    afterEach(() => {
      process.umask(umask);
    });

    it("a backup is 0600 whatever the umask", async () => {
      await cli("migrate");
      expect((await cli("backup", `${t.dir}/backup.db`)).code).toBe(0);
      expect(mode(`${t.dir}/backup.db`)).toBe(0o600);
    });

    it("a restore leaves the database and the one it replaced 0600, even from a 0644 backup", async () => {
      await cli("migrate");
      await cli("backup", `${t.dir}/backup.db`);
      fs.chmodSync(`${t.dir}/backup.db`, 0o644);
      fs.chmodSync(t.file, 0o644);
      const r = await cli("restore", `${t.dir}/backup.db`);
      expect(r.code).toBe(0);
      const aside = /kept as (.+)\.$/.exec(r.lastLine)![1]!;
      expect({ live: mode(t.file), aside: mode(aside), backup: mode(`${t.dir}/backup.db`) }).toEqual({ live: 0o600, aside: 0o600, backup: 0o644 });
    });
  });

  describe("wall-link create", () => {
    const withServices = async () => {
      expect((await cli("migrate")).code).toBe(0);
      const db = new Database(t.file);
      const add = db.prepare("insert into services (slug, name, team, created_at, updated_at) values (?, ?, ?, 0, 0)");
      add.run("checkout-api", "Checkout API", "payments");
      add.run("search", "Search", "discovery");
      db.close();
    };

    it("prints the link's path alone on the last line", async () => {
      await withServices();
      const r = await cli("wall-link", "create", "--name", "Payments TV", "--team", "payments", "--expires", "2099-01-01T00:00:00Z");
      expect(r.code).toBe(0);
      expect(r.lastLine).toMatch(/^\/wall\/wl_[A-Za-z0-9_-]+$/);
      const [row] = query<{ name: string; views: string; rotate_seconds: number }>("select name, views, rotate_seconds from wall_links");
      expect(row?.name).toBe("Payments TV");
      expect(JSON.parse(row!.views)).toEqual([{ name: "Team payments", team: "payments", panels: "all" }]);
    });

    it("fixes the wall's language with --locale", async () => {
      await withServices();
      const r = await cli("wall-link", "create", "--name", "Shanghai floor", "--team", "payments", "--locale", "zh-CN");
      expect(r.code).toBe(0);
      expect(query<{ locale: string | null }>("select locale from wall_links")).toEqual([{ locale: "zh-CN" }]);
    });

    it("makes a rotating wall from several --view options", async () => {
      await withServices();
      const r = await cli("wall-link", "create", "--name", "Floor", "--rotate", "20", "--view", "Payments;team=payments", "--view", "Search;services=search;panels=incidents");
      expect(r.code).toBe(0);
      expect(r.out).toContain("views Payments, Search, every 20 s");
      const [row] = query<{ views: string; rotate_seconds: number }>("select views, rotate_seconds from wall_links");
      expect(row?.rotate_seconds).toBe(20);
      expect(JSON.parse(row!.views)).toEqual([
        { name: "Payments", team: "payments", panels: "all" },
        { name: "Search", services: ["search"], panels: "incidents" },
      ]);
    });

    it.each([
      [["--team", "x"], "--name is required"],
      [["--name", "TV", "--expires", "tomorrow"], "--expires must be a date (2027-01-31) or an ISO-8601 timestamp"],
      [["--name", "TV", "--expires", "2001-01-01T00:00:00Z"], "--expires must be in the future"],
      [["--name", "TV", "--services", "checkout-api,bad_slug!"], "--services must be a slug"],
      [["--name", "TV", "--rotate", "2", "--view", "A", "--view", "B"], "--rotate must be a whole number of seconds between 5 and 3600"],
      [["--name", "TV", "--rotate", "1e1", "--view", "A", "--view", "B"], "--rotate must be a whole number of seconds between 5 and 3600"],
      [["--name", "TV", "--view", "A;colour=red"], '--view 1 has "colour=red" where team=…, services=… or panels=… belongs'],
      [["--name", "TV", "--view", "A;panels=charts"], "--view 1 (panels) must be one of all, incidents"],
      [["--name", "TV", "--team", "payments", "--view", "A"], "--team goes inside each --view"],
      [["--name", "TV", "--locale", "fr"], "--locale must be one of en, zh-CN"],
      [["--name", "T\tV"], "--name must be one line"],
      [["--name", "TV", "--view", "A\nB;team=payments"], "--view 1 (name) must be one line"],
    ])("refuses %j", async (args, message) => {
      const r = await cli("wall-link", "create", ...args);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
    });

    it("refuses a team or service nobody has recorded, writing nothing", async () => {
      await withServices();
      const team = await cli("wall-link", "create", "--name", "TV", "--team", "paymnets");
      expect(team.code).toBe(1);
      expect(team.err).toContain("--team: no service belongs to team paymnets");
      const service = await cli("wall-link", "create", "--name", "TV", "--view", "A;services=search,nope");
      expect(service.err).toContain("--view 1 (services): there is no service nope");
      expect(query("select id from wall_links")).toEqual([]);
    });
  });

});
