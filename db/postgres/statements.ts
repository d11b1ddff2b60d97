import { createHash } from "node:crypto";
import type pg from "pg";
import type { Queryable } from "../database";
import type { Dialect } from "../dialect";
import type { Prepare, Statement } from "../statements";
import { postgresDialect } from "./dialect";
import { sqliteShaped } from "./rows";

type Client = pg.Pool | pg.PoolClient;

/** The pool under the database, or the connection a transaction holds. */
function clientOf(q: Queryable): Client {
  return (q as unknown as { session: { client: Client } }).session.client;
}

/**
 * A statement's name, from its text: the production server and Next's routes each bundle their own copy
 * of this module but share one pool, so a name counted per module would reach one connection twice for
 * two different statements.
 */
function nameOf(text: string): string {
  return `tandem_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
}

/** `?` placeholders (the SQL never holds one in a literal) numbered as PostgreSQL wants them. */
export function numbered(source: string): string {
  let n = 0;
  return source.replace(/\?/g, () => `$${++n}`);
}

/**
 * PostgreSQL's prepared statements: each source is a named statement, which the server parses and plans
 * once per connection. Built per connection (the pool, or a transaction's client) like SQLite's.
 */
export function postgresStatements<T>(build: (prepare: Prepare, dialect: Dialect) => T): (q: Queryable) => T {
  const built = new WeakMap<Client, T>();
  return (q) => {
    const client = clientOf(q);
    let statements = built.get(client);
    if (!statements) {
      statements = build((source) => {
        const text = numbered(source);
        const name = nameOf(text);
        const query = async <R>(params: unknown[]) => sqliteShaped<R>((await client.query({ name, text, values: params })).rows as Record<string, unknown>[]);
        const statement: Statement = {
          get: async <R>(...params: unknown[]) => (await query<R>(params))[0],
          all: async <R>(...params: unknown[]) => query<R>(params),
          run: async (...params: unknown[]) => {
            await query(params);
          },
        };
        return statement;
      }, postgresDialect);
      built.set(client, statements);
    }
    return statements;
  };
}
