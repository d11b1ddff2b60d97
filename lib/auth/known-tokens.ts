import type { PublicToken } from "@/db/queries/tokens";

/** Enough for every token a company's CI holds; past it the oldest is forgotten (and read again when it comes back). */
const CAPACITY = 1_000;

/**
 * The tokens one server has found live, by digest, so that a CI system posting deployment after
 * deployment is let in without a read each time (admitToken). Only tokens found live enter, so a
 * stranger's guesses cannot fill it. Nothing here says a token is still live: whoever writes for a known
 * token reads it again inside the transaction that writes (GroupCommit), and forgets it when it has gone.
 */
export class KnownTokens {
  private readonly byDigest = new Map<string, PublicToken>();

  constructor(private readonly capacity = CAPACITY) {}

  get(digest: string): PublicToken | undefined {
    return this.byDigest.get(digest);
  }

  remember(digest: string, token: PublicToken): void {
    if (!this.byDigest.has(digest) && this.byDigest.size >= this.capacity) this.byDigest.delete(this.byDigest.keys().next().value!);
    this.byDigest.set(digest, token);
  }

  forget(digest: string): void {
    this.byDigest.delete(digest);
  }
}
