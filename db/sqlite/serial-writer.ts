import { AsyncLocalStorage } from "node:async_hooks";

/** `inline`: transactions opened inside run as part of this one, without savepoints (TransactionOptions). */
type Open = { depth: number; inline: boolean };

/**
 * One writer at a time on one connection, in arrival order: `BEGIN IMMEDIATE` takes SQLite's write lock
 * before the first read, so a transaction always reads the state it then writes on (another process's
 * writer waits through busy_timeout). A transaction started inside another, in the same async context,
 * becomes a savepoint of it instead of queueing behind itself. When no transaction is open the work
 * starts at once, without waiting a turn of the microtask queue.
 */
export class SerialWriter {
  private readonly context = new AsyncLocalStorage<Open>();
  private tail: Promise<unknown> = Promise.resolve();
  private open = false;

  /** `bulk` holds the statements run before a bulk transaction's BEGIN and after its end, as SQLite's setting applies from a BEGIN on. */
  constructor(
    private readonly exec: (sql: string) => void,
    private readonly bulk?: { before: string; after: string },
  ) {}

  /** True when called from inside one of this writer's transactions. */
  get inside(): boolean {
    return this.context.getStore() !== undefined;
  }

  /**
   * `bulk`: a transaction of its own runs between the bulk statements (see the constructor); `inline`: see
   * Open. Inside another transaction both are ignored.
   */
  run<T>(work: () => Promise<T>, options: { bulk?: boolean; inline?: boolean } = {}): Promise<T> {
    const outer = this.context.getStore();
    if (outer) return outer.inline ? work() : this.savepoint(outer.depth + 1, work);
    return this.begin(work, options.bulk ? this.bulk : undefined, options.inline ?? false);
  }

  private begin<T>(work: () => Promise<T>, bulk: { before: string; after: string } | undefined, inline: boolean): Promise<T> {
    if (this.open) {
      const turn = this.tail.then(() => this.begin(work, bulk, inline));
      this.tail = turn.catch(() => undefined);
      return turn;
    }
    if (bulk) this.exec(bulk.before);
    try {
      this.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if (bulk) this.exec(bulk.after);
      throw error;
    }
    this.open = true;
    const settled = this.context.run({ depth: 0, inline }, work).then(
      (value) => {
        try {
          this.end("COMMIT");
        } finally {
          if (bulk) this.exec(bulk.after);
        }
        return value;
      },
      (error: unknown) => {
        this.end("ROLLBACK");
        if (bulk) this.exec(bulk.after);
        throw error;
      },
    );
    this.tail = settled.catch(() => undefined);
    return settled;
  }

  /** A failed COMMIT rolls back and throws; an error such as a full disk may already have ended the transaction. */
  private end(statement: "COMMIT" | "ROLLBACK") {
    try {
      this.exec(statement);
    } catch (error) {
      if (statement === "COMMIT") {
        try {
          this.exec("ROLLBACK");
        } catch {
          /* nothing left to roll back */
        }
        this.open = false;
        throw error;
      }
    }
    this.open = false;
  }

  /**
   * Named by depth, so each name is one compiled statement. Work inside one transaction runs one step
   * after another: two savepoints open at once at the same depth would release each other.
   */
  private async savepoint<T>(depth: number, work: () => Promise<T>): Promise<T> {
    const name = `sp${depth}`;
    this.exec(`SAVEPOINT ${name}`);
    try {
      const result = await this.context.run({ depth, inline: false }, work);
      this.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      try {
        this.exec(`ROLLBACK TO ${name}`);
        this.exec(`RELEASE ${name}`);
      } catch {
        /* the whole transaction has ended; the outer level reports it */
      }
      throw error;
    }
  }
}
