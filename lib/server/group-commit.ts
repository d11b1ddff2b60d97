import type { Db } from "@/db/client";
import { failureReply, type Reply, type TokenActor } from "@/lib/api/endpoint";
import { RECORD_DEPLOYMENTS, recordDeploymentsReply } from "@/lib/ingest/deployments-endpoint";
import type { DeploymentPost } from "@/lib/ingest/schema";

type Waiting = { actor: TokenActor; body: DeploymentPost; done: (reply: Reply) => void };

/**
 * Group commit for deployment posts: those that arrive in the same turn of the event loop are recorded
 * in one SQLite transaction, each inside its own savepoint (a nested transaction), in arrival order.
 * A refused post rolls back only its savepoint; every reply waits for the shared COMMIT, so nothing is
 * acknowledged before it is durable, and a failed COMMIT fails them all. Committing a write to a large
 * database costs more than recording a deployment, and CI systems post deployments one at a time.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];

  constructor(readonly db: Db) {}

  record(actor: TokenActor, body: DeploymentPost): Promise<Reply> {
    return new Promise((done) => {
      if (this.waiting.push({ actor, body, done }) === 1) setImmediate(() => this.commit());
    });
  }

  private commit(): void {
    const group = this.waiting;
    this.waiting = [];
    let replies: Reply[];
    try {
      replies = this.db.transaction(() => group.map(({ actor, body }) => this.recordOne(actor, body)));
    } catch (error) {
      const reply = failureReply(RECORD_DEPLOYMENTS.doing, error);
      replies = group.map(() => reply);
    }
    group.forEach((waiting, i) => waiting.done(replies[i]!));
  }

  /** Inside the group's transaction, recordDeployments' own transaction is a savepoint. */
  private recordOne(actor: TokenActor, body: DeploymentPost): Reply {
    try {
      return recordDeploymentsReply(this.db, actor, body);
    } catch (error) {
      return failureReply(RECORD_DEPLOYMENTS.doing, error);
    }
  }
}
