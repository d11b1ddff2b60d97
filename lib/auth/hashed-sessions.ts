import { createHash } from "node:crypto";
import type { BetterAuthOptions, DBAdapter, DBTransactionAdapter, Where } from "better-auth";

/**
 * Session tokens are kept as SHA-256 digests, as API tokens are: a copy of the database (a backup) holds
 * the secret that signs cookies, so with the tokens in clear it would let anyone forge a session cookie.
 * better-auth 1.7 has no option for it (its secondary storage keeps the tokens in clear as keys and in
 * its lists), so the adapter does it: every session token better-auth writes is stored as its digest,
 * every session token it looks for is looked up by its digest, and rows it reads back carry the token it
 * asked with. Tokens carry 190 random bits, so a plain digest is enough (no salt or slow hash).
 *
 * A row read without naming its token (a person's list of sessions) carries the digest, which matches
 * nothing when presented: Tandem lists and ends sessions by person, never by a listed token.
 */
export function sessionTokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

const SESSION = "session";
type AnyAdapter = DBTransactionAdapter & Partial<Pick<DBAdapter, "transaction">>;
/** Digest → token, for the rows of one call. */
type Known = Map<string, string>;

const hashed = new WeakSet<object>();

/** better-auth's `database` option, with session tokens stored as digests. */
export function withHashedSessionTokens(factory: (options: BetterAuthOptions) => DBAdapter): (options: BetterAuthOptions) => DBAdapter {
  return (options) => hashSessionTokens(factory(options));
}

function digestOf(token: string, known: Known): string {
  const digest = sessionTokenDigest(token);
  known.set(digest, token);
  return digest;
}

function hashWhere(model: string, where: Where[] | undefined, known: Known): Where[] | undefined {
  if (model !== SESSION || !where) return where;
  return where.map((w) => {
    if (w.field !== "token") return w;
    if (typeof w.value === "string") return { ...w, value: digestOf(w.value, known) };
    if (Array.isArray(w.value)) return { ...w, value: w.value.map((v) => digestOf(String(v), known)) };
    return w;
  });
}

/** A row (or rows) read back carries the token it was asked for, not its digest. */
function restore<T>(result: T, known: Known): T {
  if (Array.isArray(result)) return result.map((row: unknown) => restore(row, known)) as T;
  if (result && typeof result === "object" && "token" in result && typeof result.token === "string" && known.has(result.token)) {
    return { ...result, token: known.get(result.token) };
  }
  return result;
}

/**
 * Changes the adapter in place (better-auth keeps per-adapter state keyed by the object itself); a
 * transaction's adapter gets the same treatment, and one that is the adapter itself is left as it is.
 */
function hashSessionTokens<A extends AnyAdapter>(adapter: A): A {
  if (hashed.has(adapter)) return adapter;
  hashed.add(adapter);
  const { create, findOne, findMany, count, update, updateMany, delete: remove, deleteMany, consumeOne, incrementOne, transaction } = adapter;
  adapter.create = async (args) => {
    const known: Known = new Map();
    const data = args.data as Record<string, unknown>;
    const stored = args.model === SESSION && typeof data.token === "string" ? { ...args, data: { ...data, token: digestOf(data.token, known) } } : args;
    return restore(await create(stored as typeof args), known);
  };
  adapter.findOne = async (args) => {
    const known: Known = new Map();
    return restore(await findOne({ ...args, where: hashWhere(args.model, args.where, known)! }), known);
  };
  adapter.findMany = async (args) => {
    const known: Known = new Map();
    return restore(await findMany({ ...args, where: hashWhere(args.model, args.where, known) }), known);
  };
  adapter.count = (args) => count({ ...args, where: hashWhere(args.model, args.where, new Map()) });
  adapter.update = async (args) => {
    const known: Known = new Map();
    return restore(await update({ ...args, where: hashWhere(args.model, args.where, known)! }), known);
  };
  adapter.updateMany = (args) => updateMany({ ...args, where: hashWhere(args.model, args.where, new Map())! });
  adapter.delete = (args) => remove({ ...args, where: hashWhere(args.model, args.where, new Map())! });
  adapter.deleteMany = (args) => deleteMany({ ...args, where: hashWhere(args.model, args.where, new Map())! });
  adapter.consumeOne = async (args) => {
    const known: Known = new Map();
    return restore(await consumeOne({ ...args, where: hashWhere(args.model, args.where, known)! }), known);
  };
  adapter.incrementOne = async (args) => {
    const known: Known = new Map();
    return restore(await incrementOne({ ...args, where: hashWhere(args.model, args.where, known)! }), known);
  };
  if (transaction) adapter.transaction = (callback) => transaction((trx) => callback(hashSessionTokens(trx)));
  return adapter;
}
