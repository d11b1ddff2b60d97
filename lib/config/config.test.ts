import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("applies the contract's defaults", () => {
    const c = parseConfig({}, "/srv/tandem");
    expect(c).toEqual({
      database: { engine: "sqlite", file: path.resolve("/srv/tandem/data/tandem.db") },
      databasePool: 10,
      databaseTimeoutMs: 30_000,
      port: 3000,
      secret: undefined,
      publicUrl: undefined,
      demo: "auto",
      rateLimit: 300_000,
      trustProxy: [],
      smtp: undefined,
    });
  });

  it("reads TANDEM_SMTP_URL as the SMTP server and the sender, from= taken out of the URL", () => {
    expect(parseConfig({ TANDEM_SMTP_URL: "smtp://u:p@mail.example.com:587?from=ops@example.com" }).smtp).toEqual({ url: "smtp://u:p@mail.example.com:587", from: "ops@example.com" });
    expect(parseConfig({ TANDEM_SMTP_URL: "smtps://mail.example.com" }).smtp).toEqual({ url: "smtps://mail.example.com", from: "tandem@mail.example.com" });
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "" }, "/x").port).toBe(3000);
  });

  it("resolves relative and absolute database files", () => {
    expect(parseConfig({ DATABASE_URL: "file:/var/lib/t.db" }).database).toEqual({ engine: "sqlite", file: "/var/lib/t.db" });
    expect(parseConfig({ DATABASE_URL: "file:db/t.db" }, "/a").database).toEqual({ engine: "sqlite", file: "/a/db/t.db" });
  });

  it("selects PostgreSQL by a postgres:// or postgresql:// URL, with its pool and statement timeout", () => {
    const url = "postgres://tandem:s3cret@db.example.com:5432/tandem";
    const c = parseConfig({ DATABASE_URL: url, TANDEM_DB_POOL: "25", TANDEM_DB_TIMEOUT_MS: "5000" });
    expect(c.database).toEqual({ engine: "postgres", url });
    expect([c.databasePool, c.databaseTimeoutMs]).toEqual([25, 5000]);
    expect(parseConfig({ DATABASE_URL: "postgresql://db/tandem" }).database.engine).toBe("postgres");
  });

  it.each([
    ["https://t.example.com/", "https://t.example.com"],
    ["HTTPS://T.EXAMPLE.COM", "https://t.example.com"],
    ["https://t.example.com:443//", "https://t.example.com"],
    ["http://10.0.0.5:3000", "http://10.0.0.5:3000"],
    ["https://example.com/Tandem/", "https://example.com/Tandem"],
  ])("reads TANDEM_URL %s as the one form links are built on, %s", (given, canonical) => {
    expect(parseConfig({ TANDEM_URL: given }).publicUrl).toBe(canonical);
  });

  it("reads TANDEM_TRUST_PROXY as a list of addresses and networks", () => {
    expect(parseConfig({ TANDEM_TRUST_PROXY: " 10.0.0.5, 172.16.0.0/12,::1 ,fd00::/8" }).trustProxy).toEqual(["10.0.0.5", "172.16.0.0/12", "::1", "fd00::/8"]);
  });

  it.each([
    [{ TANDEM_TRUST_PROXY: "proxy.internal" }, /^TANDEM_TRUST_PROXY: "proxy.internal" is not an IP address or network/],
    [{ TANDEM_TRUST_PROXY: "10.0.0.0/33" }, /^TANDEM_TRUST_PROXY: "10.0.0.0\/33" has a prefix outside 0–32$/],
    [{ TANDEM_TRUST_PROXY: "10.0.0.1, 10.0.0.0/8/1" }, /^TANDEM_TRUST_PROXY: "10.0.0.0\/8\/1" is not/],
    [{ TANDEM_TRUST_PROXY: " , " }, /^TANDEM_TRUST_PROXY: must list at least one address or network$/],
    [{ PORT: "abc" }, /^PORT: must be a whole number between 1 and 65535$/],
    [{ PORT: "70000" }, /^PORT: must be a whole number between 1 and 65535$/],
    [{ PORT: "0x50" }, /^PORT: must be a whole number between 1 and 65535$/],
    [{ PORT: "1e3" }, /^PORT: must be a whole number between 1 and 65535$/],
    [{ PORT: "80.0" }, /^PORT: must be a whole number between 1 and 65535$/],
    [{ DATABASE_URL: "mysql://x/db" }, /^DATABASE_URL: must be file:PATH .* or postgres:\/\//],
    [{ DATABASE_URL: "postgres://db.example.com" }, /^DATABASE_URL: names no database/],
    [{ DATABASE_URL: "postgres://[oops/db" }, /^DATABASE_URL: is not a valid URL/],
    [{ TANDEM_DB_POOL: "0" }, /^TANDEM_DB_POOL: must be a whole number between 1 and 1000$/],
    [{ TANDEM_DB_POOL: "many" }, /^TANDEM_DB_POOL: must be a whole number between 1 and 1000$/],
    [{ TANDEM_DB_TIMEOUT_MS: "5" }, /^TANDEM_DB_TIMEOUT_MS: must be a whole number of milliseconds between 100 and 2147483647$/],
    [{ TANDEM_DB_TIMEOUT_MS: "2147483648" }, /^TANDEM_DB_TIMEOUT_MS: must be a whole number of milliseconds between 100 and 2147483647$/],
    [{ DATABASE_URL: "file:" }, /^DATABASE_URL: names no file/],
    [{ TANDEM_SECRET: "short" }, /^TANDEM_SECRET: must be at least 32 characters$/],
    [{ TANDEM_URL: "ftp://x" }, /^TANDEM_URL: must be an http\(s\) URL/],
    [{ TANDEM_URL: "t.example.com" }, /^TANDEM_URL: must be an http\(s\) URL such as https:\/\/tandem\.example\.com$/],
    [{ TANDEM_URL: "https://t.example.com?x=1" }, /^TANDEM_URL: must not have a query \(\?…\) or fragment \(#…\)/],
    [{ TANDEM_URL: "https://t.example.com/?" }, /^TANDEM_URL: must not have a query/],
    [{ TANDEM_URL: "https://t.example.com#frag" }, /^TANDEM_URL: must not have a query \(\?…\) or fragment/],
    [{ TANDEM_URL: "https://user:pw@t.example.com" }, /^TANDEM_URL: must not hold a user name or password$/],
    [{ TANDEM_URL: "https://user@t.example.com" }, /^TANDEM_URL: must not hold a user name or password$/],
    [{ TANDEM_DEMO: "yes" }, /^TANDEM_DEMO: must be "auto" or "off"$/],
    [{ TANDEM_RATE_LIMIT: "0" }, /^TANDEM_RATE_LIMIT: must be a whole number between 1 and 9007199254740991$/],
    [{ TANDEM_RATE_LIMIT: "1e6" }, /^TANDEM_RATE_LIMIT: must be a whole number between 1 and 9007199254740991$/],
    [{ TANDEM_SMTP_URL: "mail.example.com" }, /^TANDEM_SMTP_URL: must be a URL such as smtp:/],
    [{ TANDEM_SMTP_URL: "http://mail.example.com" }, /^TANDEM_SMTP_URL: must start with smtp:\/\/ or smtps:\/\/, not http:\/\/$/],
    [{ TANDEM_SMTP_URL: "smtp://mail.example.com?from=nobody" }, /^TANDEM_SMTP_URL: from=nobody is not an email address$/],
  ])("names the variable and the problem for %o", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
