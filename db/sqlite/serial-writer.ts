import { AsyncLocalStorage } from "node:async_hooks";

type Open = { depth: number };

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === "function";

/**
 * One writer at a time on one connection, in arrival order: `BEGIN IMMEDIATE` takes SQLite's write lock
 * before the first read, so a transaction always reads the state it then writes on (another process's
 * writer waits through busy_timeout). A transaction started inside another, in the same async context,
 * becomes a savepoint of it instead of queueing behind itself.
 *
 * Work may be asynchronous (it then holds the connection until it settles; later writers queue) or, for
 * code not yet converted to the async layer, synchronous (it runs and commits before returning).
 */
export class SerialWriter {
  private readonly context = new AsyncLocalStorage<Open>();
  private tail: Promise<unknown> = Promise.resolve();
  private open = false;
  private savepoints = 0;

  constructor(private readonly exec: (sql: string) => void) {}

  /** True when called from inside one of this writer's transactions. */
  get inside(): boolean {
    return this.context.getStore() !== undefined;
  }

  run<T>(work: () => T): T | Promise<Awaited<T>> {
    const outer = this.context.getStore();
    if (outer) return this.savepoint(outer.depth + 1, work);
    if (!this.open) return this.begin(work);
    const turn = this.tail.then(() => this.begin(work));
    this.tail = turn.catch(() => undefined);
    return turn as Promise<Awaited<T>>;
  }

  private begin<T>(work: () => T): T | Promise<Awaited<T>> {
    if (this.open) {
      const turn = this.tail.then(() => this.begin(work));
      this.tail = turn.catch(() => undefined);
      return turn as Promise<Awaited<T>>;
    }
    this.exec("BEGIN IMMEDIATE");
    this.open = true;
    let result: T;
    try {
      result = this.context.run({ depth: 0 }, work);
    } catch (error) {
      this.end("ROLLBACK");
      throw error;
    }
    if (!isPromise(result)) {
      this.end("COMMIT");
      return result;
    }
    const settled = result.then(
      (value) => {
        this.end("COMMIT");
        return value as Awaited<T>;
      },
      (error: unknown) => {
        this.end("ROLLBACK");
        throw error;
      },
    );
    this.tail = settled.catch(() => undefined);
    return settled;
  }

  /** COMMIT or ROLLBACK; a failed COMMIT rolls back and throws, and an error such as a full disk may already have ended the transaction. */
  private end(statement: "COMMIT" | "ROLLBACK") {
    try {
      this.exec(statement);
    } catch (error) {
      if (statement === "COMMIT") {
        this.rollbackQuietly();
        this.open = false;
        throw error;
      }
    }
    this.open = false;
  }

  private rollbackQuietly() {
    try {
      this.exec("ROLLBACK");
    } catch {
      /* nothing left to roll back */
    }
  }

  /** Work inside one transaction runs one step after another: two savepoints open at once would release each other. */
  private savepoint<T>(depth: number, work: () => T): T | Promise<Awaited<T>> {
    const name = `sp${++this.savepoints}`;
    this.exec(`SAVEPOINT ${name}`);
    const undo = () => {
      try {
        this.exec(`ROLLBACK TO ${name}`);
        this.exec(`RELEASE ${name}`);
      } catch {
        /* the whole transaction has ended; the outer level reports it */
      }
    };
    let result: T;
    try {
      result = this.context.run({ depth }, work);
    } catch (error) {
      undo();
      throw error;
    }
    if (!isPromise(result)) {
      this.exec(`RELEASE ${name}`);
      return result;
    }
    return result.then(
      (value) => {
        this.exec(`RELEASE ${name}`);
        return value as Awaited<T>;
      },
      (error: unknown) => {
        undo();
        throw error;
      },
    );
  }
}
