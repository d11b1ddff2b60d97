import type { Database } from "@/db/client";
import type { PublicToken } from "@/db/queries/tokens";
import { failureReply, withinLimit, type Reply, type TokenActor } from "@/lib/api/endpoint";
import { noteTokenUse } from "@/lib/auth/tokens";
import { RECORD_DEPLOYMENTS, recordDeploymentsReply } from "@/lib/ingest/deployments-endpoint";
import type { DeploymentPost } from "@/lib/ingest/schema";

/** Long enough for a client on this machine to send its next post after its answer, short against a commit's wait. */
const LINGER_MS = 0.5;

type Waiting = { token: PublicToken; actor: TokenActor; body: DeploymentPost; done: (reply: Reply) => void };

/** A post of a group recorded without savepoints was refused: the group runs again, with them. */
class RefusedInGroup extends Error {}

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
 * at a time. Tokens are checked as requests arrive (admitToken), so a token revoked while its post waits
 * for its group (milliseconds) still records that post, as one revoked a moment later would; the rate
 * limit is counted as a post arrives too (a post past it is answered at once), so a group run again
 * counts nothing twice. A token's rate-limit count stays used even when its group fails: it counts
 * requests, not writes.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  /** A group is committing: posts that arrive meanwhile wait for it to end and form the next one. */
  private busy = false;
  /** How many posts the last group recorded: the next one lingers until it has as many. */
  private lastSize = 1;

  constructor(
    readonly db: Database,
    private readonly lingerMs = LINGER_MS,
  ) {}

  /** Records a validated post of a token admitToken let in (429 past its rate limit), once its group has committed. */
  record(token: PublicToken, body: DeploymentPost): Promise<Reply> {
    let actor: TokenActor;
    try {
      actor = withinLimit(token);
    } catch (error) {
      return Promise.resolve(failureReply(RECORD_DEPLOYMENTS.doing, error));
    }
    // A batch brings its own many statements to its COMMIT, so it has none worth sharing, and inside a
    // group's transaction it would be a savepoint: SQLite keeps a savepoint's sub-journal in memory
    // (tuneWriter) and walks it from its start as each statement inside ends, so 1,000 deployments
    // slowed as they went (3 batches of 1,000 on the quick database: 1,000 / s instead of 4,600 / s).
    // Outside a group every failure is the batch's own (on SQLite, refused, it has already rolled back):
    // its reply, as a refused post's is inside a group; record never rejects.
    if (body.batch) return this.recordOne({ token, actor, body }, false).catch((error: unknown) => failureReply(RECORD_DEPLOYMENTS.doing, error));
    return new Promise((done) => {
      if (this.waiting.push({ token, actor, body, done }) === 1 && !this.busy) this.gather();
    });
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
    const attempt = (inline: boolean) =>
      this.db.transaction(
        async () => {
          // Taken once the transaction is open, on PostgreSQL once this server's turn at the write lock has
          // come: the posts that arrived while it waited join the group.
          const posts = take();
          // One after another: each post's savepoint must be released before the next one opens.
          const recorded = new Array<Reply>(posts.length);
          for (let i = 0; i < posts.length; i++) recorded[i] = await this.recordOne(posts[i]!, inline);
          return recorded;
        },
        { inline },
      );
    let replies: Reply[];
    try {
      replies = await attempt(true).catch((error: unknown) => {
        if (error instanceof RefusedInGroup) return attempt(false);
        throw error;
      });
    } catch (error) {
      const reply = failureReply(RECORD_DEPLOYMENTS.doing, error);
      // A transaction that never opened (the database is down) fails the posts that waited for it.
      replies = take().map(() => reply);
    }
    this.lastSize = take().length;
    take().forEach((waiting, i) => waiting.done(replies[i]!));
    this.busy = false;
    if (this.waiting.length) this.gather();
  }

  /**
   * Inside the group's transaction, recordDeployments' own transaction is a savepoint, or with `inline` a
   * plain part of the group's, which a refusal then ends (RefusedInGroup).
   */
  private async recordOne(post: Pick<Waiting, "token" | "actor" | "body">, inline: boolean): Promise<Reply> {
    try {
      await noteTokenUse(this.db, post.token);
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
