import type { Database } from "@/db/client";
import { findLiveToken } from "@/db/queries/tokens";
import { failureReply, invalidToken, withinLimit, type Admission, type Reply, type TokenActor } from "@/lib/api/endpoint";
import { KnownTokens } from "@/lib/auth/known-tokens";
import { noteTokenUse } from "@/lib/auth/tokens";
import { RECORD_DEPLOYMENTS, recordDeploymentsReply } from "@/lib/ingest/deployments-endpoint";
import type { DeploymentPost } from "@/lib/ingest/schema";

/** Long enough for a client on this machine to send its next post after its answer, short against a commit's wait. */
const LINGER_MS = 0.5;

type Waiting = { admission: Admission; actor: TokenActor; body: DeploymentPost; done: (reply: Reply) => void };

/** A post of a group recorded without savepoints was refused: the group runs again, with them. */
class RefusedInGroup extends Error {}

/** A token of the group is no longer live: its posts are answered 401 and the group runs again without them. */
class TokenGoneInGroup extends Error {
  constructor(readonly digests: Set<string>) {
    super("a token of the group is no longer live");
  }
}

/**
 * Group commit for single deployment posts (a batch is a transaction of its own): one group at a time, recorded in one
 * transaction, each post inside its own savepoint (a nested transaction), in arrival order. The posts
 * that arrive while a group commits form the next one, taken once its transaction is open: on
 * PostgreSQL the servers' writers take turns at one lock, and the posts that arrive during the wait
 * join the group instead of queueing a transaction each (two servers, four clients: groups of one
 * became groups of two, each paying for the lock, BEGIN and COMMIT once).
 * A group also waits one turn of the event loop more than it must: while one group commits, the clients
 * it answers send their next posts, and that extra turn's poll gathers them in (4 clients on the 1M
 * database: groups of mostly 1-2 became mostly 4, and 2,230 -> 2,800 posts/s). Idle, a turn is microseconds.
 * Once the async data layer made a commit's turn longer, groups of 2 were common again (4 clients, one
 * server: 1:2:3:4 ≈ 1:8:6:8); so a group lingers a little more (at most `lingerMs`) until it is as large
 * as the one before it: the clients the last group answered are most likely sending again. Groups become
 * mostly 4 and single posts ~6 % faster; a lone client (last group 1) never waits.
 * A group is first recorded without savepoints (TransactionOptions.inline): they cost two statements a
 * post, and on PostgreSQL each is a subtransaction. Should a post be refused, nothing of that attempt is
 * kept and the group runs again with a savepoint per post, so the refused post rolls back alone.
 * Every reply waits for the shared COMMIT, so nothing is acknowledged before it is committed, and a
 * failed COMMIT (or an error that ends the transaction, such as a full disk) fails them all. Committing a
 * write to a large database costs more than recording a deployment, and CI systems post deployments one
 * at a time. A token is let in as its request arrives (admitToken), from `known` when this server has
 * found it live before, so a CI system's posts cost no read each; each group then reads its tokens again
 * inside its transaction, after its posts (on PostgreSQL that read leaves with their last statements, so
 * it costs no round trip of its own), and stamps their use. The posts of a token revoked meanwhile, or
 * whose creator was deactivated, are answered 401 and the group runs again without them, so nothing a
 * dead token sent is committed. The rate limit is counted as a post arrives (a post past it is answered at
 * once), so a group run again counts nothing twice. A token's rate-limit count stays used even when its
 * group fails: it counts requests, not writes.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  /** A group is committing: posts that arrive meanwhile wait for it to end and form the next one. */
  private busy = false;
  /** How many posts the last group recorded: the next one lingers until it has as many. */
  private lastSize = 1;
  /** The tokens this writer's requests are let in by (admitToken); checked again in every group. */
  readonly known = new KnownTokens();

  constructor(
    readonly db: Database,
    private readonly lingerMs = LINGER_MS,
  ) {}

  /** Records a validated post of a token admitToken let in (429 past its rate limit), once its group has committed. */
  async record(admission: Admission, body: DeploymentPost): Promise<Reply> {
    let actor: TokenActor;
    try {
      actor = withinLimit(admission.token);
    } catch (error) {
      return failureReply(RECORD_DEPLOYMENTS.doing, await this.refusal(admission, error));
    }
    // A batch brings its own many statements to its COMMIT, so it has none worth sharing, and inside a
    // group's transaction it would be a savepoint: SQLite keeps a savepoint's sub-journal in memory
    // (tuneWriter) and walks it from its start as each statement inside ends, so 1,000 deployments
    // slowed as they went (3 batches of 1,000 on the quick database: 1,000 / s instead of 4,600 / s).
    // Outside a group every failure is the batch's own (on SQLite, refused, it has already rolled back):
    // its reply, as a refused post's is inside a group; record never rejects.
    if (body.batch) {
      return this.db
        .transaction(async () => ((await this.goneTokens([{ admission }])).size ? failureReply(RECORD_DEPLOYMENTS.doing, invalidToken()) : recordDeploymentsReply(this.db, actor, body)), { inline: true })
        .catch((error: unknown) => failureReply(RECORD_DEPLOYMENTS.doing, error));
    }
    return new Promise((done) => {
      if (this.waiting.push({ admission, actor, body, done }) === 1 && !this.busy) this.gather();
    });
  }

  /**
   * What to answer instead of `error` for a request refused before its group: a token let in as known
   * may have been revoked since, and a dead token is answered 401 before anything about its request.
   * Never rejects.
   */
  async refusal(admission: Admission, error: unknown): Promise<unknown> {
    if (!admission.known) return error;
    try {
      if (await findLiveToken(this.db.read, admission.digest)) return error;
    } catch {
      // The database cannot say (it is down): the refusal stands as it was; the token is read next time.
      this.known.forget(admission.digest);
      return error;
    }
    this.known.forget(admission.digest);
    return invalidToken();
  }

  private gather(): void {
    this.busy = true;
    const until = performance.now() + this.lingerMs;
    const linger = () => {
      if (this.waiting.length >= this.lastSize || performance.now() >= until) void this.commit();
      else setImmediate(linger);
    };
    setImmediate(() => setImmediate(linger));
  }

  /** Never rejects: whatever goes wrong becomes the group's replies. */
  private async commit(): Promise<void> {
    let group: Waiting[] | undefined;
    /** The posts waiting now, taken once: a transaction run again after a lost race records the same group. */
    const take = (): Waiting[] => {
      if (!group) [group, this.waiting] = [this.waiting, []];
      return group;
    };
    /** Posts answered 401 without being recorded: their token was found gone in an earlier attempt. */
    const gone = new Set<Waiting>();
    const attempt = (inline: boolean) =>
      this.db.transaction(
        async () => {
          // Taken once the transaction is open, on PostgreSQL once this server's turn at the write lock has
          // come: the posts that arrived while it waited join the group.
          const posts = take().filter((post) => !gone.has(post));
          // One after another: each post's savepoint must be released before the next one opens.
          const recorded = new Map<Waiting, Reply>();
          for (const post of posts) recorded.set(post, await this.recordOne(post, inline));
          const dead = await this.goneTokens(posts);
          if (dead.size) throw new TokenGoneInGroup(dead);
          return recorded;
        },
        { inline },
      );
    const run = (inline: boolean): Promise<Map<Waiting, Reply>> =>
      attempt(inline).catch((error: unknown) => {
        if (error instanceof RefusedInGroup) return run(false);
        if (!(error instanceof TokenGoneInGroup)) throw error;
        for (const post of take()) if (error.digests.has(post.admission.digest)) gone.add(post);
        // Nothing left to record: no transaction (on PostgreSQL its NOTIFY would wake every server for nothing).
        if (take().every((post) => gone.has(post))) return new Map<Waiting, Reply>();
        return run(inline);
      });
    let replies: Map<Waiting, Reply>;
    try {
      replies = await run(true);
    } catch (error) {
      const reply = failureReply(RECORD_DEPLOYMENTS.doing, error);
      // A transaction that never opened (the database is down) fails the posts that waited for it.
      replies = new Map(take().map((post) => [post, reply]));
    }
    this.lastSize = take().length;
    for (const post of take()) post.done(gone.has(post) ? failureReply(RECORD_DEPLOYMENTS.doing, invalidToken()) : replies.get(post)!);
    this.busy = false;
    if (this.waiting.length) this.gather();
  }

  /**
   * Inside the transaction: the tokens of these posts read again, each once, and their use stamped (at
   * most once a minute); the digests of those no longer live, forgotten by `known`.
   */
  private async goneTokens(posts: Pick<Waiting, "admission">[]): Promise<Set<string>> {
    const gone = new Set<string>();
    for (const digest of new Set(posts.map((post) => post.admission.digest))) {
      const token = await findLiveToken(this.db.read, digest);
      if (token) await noteTokenUse(this.db, token);
      else {
        gone.add(digest);
        this.known.forget(digest);
      }
    }
    return gone;
  }

  /**
   * Inside the group's transaction, recordDeployments' own transaction is a savepoint, or with `inline` a
   * plain part of the group's, which a refusal then ends (RefusedInGroup).
   */
  private async recordOne(post: Pick<Waiting, "actor" | "body">, inline: boolean): Promise<Reply> {
    try {
      return await recordDeploymentsReply(this.db, post.actor, post.body);
    } catch (error) {
      // Some errors (a full disk, a lost race) end or doom the whole transaction, not just the savepoint:
      // later posts would then commit on their own while the group reports failure. Fail the group
      // instead (on PostgreSQL the engine then runs the whole group again).
      if (this.db.endsTransaction(error)) throw error;
      if (inline) throw new RefusedInGroup("a post of the group was refused");
      return failureReply(RECORD_DEPLOYMENTS.doing, error);
    }
  }
}
