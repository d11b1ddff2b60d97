import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { services } from "../schema";
import { tempDir } from "../test/temp-db";
import { openSqliteDatabase } from "./sqlite-database";
import { WalFlusher } from "./wal-flusher";

let t: ReturnType<typeof tempDir>;
let wal: string;
beforeEach(() => {
  t = tempDir();
  wal = path.join(path.dirname(t.file), "flushed.db-wal");
  fs.writeFileSync(wal, "frames");
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The file a descriptor is open on, as the process sees it. */
const fileOf = (fd: number) => fs.readlinkSync(`/proc/self/fd/${fd}`);

describe("flushing the WAL in the background", () => {
  it("flushes the WAL once for all the commits of a moment, a moment after them", async () => {
    const synced: string[] = [];
    const flusher = new WalFlusher(wal, 5, (fd, done) => {
      synced.push(fileOf(fd));
      done(null);
    });
    flusher.committed();
    flusher.committed();
    flusher.committed();
    expect(synced).toEqual([]);
    await wait(30);
    expect(synced).toEqual([wal]);
    flusher.committed();
    await wait(30);
    expect(synced).toEqual([wal, wal]);
    await flusher.close();
  });

  it("does nothing while nothing commits", async () => {
    const sync = vi.fn((_fd: number, done: (error: null) => void) => done(null));
    const flusher = new WalFlusher(wal, 1, sync);
    await wait(20);
    expect(sync).not.toHaveBeenCalled();
    await flusher.close();
  });

  it("runs one flush at a time: commits during a flush get the next one, after it", async () => {
    const finish: (() => void)[] = [];
    const flusher = new WalFlusher(wal, 1, (_fd, done) => finish.push(() => done(null)));
    flusher.committed();
    await wait(20);
    expect(finish).toHaveLength(1);
    flusher.committed();
    await wait(20);
    expect(finish).toHaveLength(1);
    finish[0]!();
    await wait(20);
    expect(finish).toHaveLength(2);
    finish[1]!();
    await flusher.close();
  });

  it("closes only once a flush under way has ended, and then closes its descriptor", async () => {
    let finish: (() => void) | undefined;
    let descriptor = -1;
    const flusher = new WalFlusher(wal, 1, (fd, done) => {
      descriptor = fd;
      finish = () => done(null);
    });
    flusher.committed();
    await wait(20);
    let closed = false;
    const closing = flusher.close().then(() => (closed = true));
    await wait(10);
    expect(closed).toBe(false);
    expect(fileOf(descriptor)).toBe(wal);
    finish!();
    await closing;
    expect(() => fileOf(descriptor)).toThrow();
  });

  it("skips a flush while there is no WAL file, and flushes once there is one", async () => {
    fs.rmSync(wal);
    const sync = vi.fn((_fd: number, done: (error: null) => void) => done(null));
    const flusher = new WalFlusher(wal, 1, sync);
    flusher.committed();
    await wait(20);
    expect(sync).not.toHaveBeenCalled();
    fs.writeFileSync(wal, "frames");
    flusher.committed();
    await wait(20);
    expect(sync).toHaveBeenCalledTimes(1);
    await flusher.close();
  });

  it("never flushes after close", async () => {
    const sync = vi.fn((_fd: number, done: (error: null) => void) => done(null));
    const flusher = new WalFlusher(wal, 1, sync);
    flusher.committed();
    await flusher.close();
    flusher.committed();
    await wait(20);
    expect(sync).not.toHaveBeenCalled();
  });

  it("is what a SQLite database's commits ask for: its own WAL is flushed after a write", async () => {
    const flushed: string[] = [];
    vi.spyOn(fs, "fdatasync").mockImplementation(((fd: number, done: (error: null) => void) => {
      flushed.push(fileOf(fd));
      done(null);
    }) as typeof fs.fdatasync);
    const database = openSqliteDatabase(t.file);
    try {
      const at = new Date("2026-01-05T10:00:00Z");
      await database.transaction(async (tx) => {
        await tx.insert(services).values({ slug: "flushed", name: "flushed", createdAt: at, updatedAt: at });
      });
      await wait(200);
      expect(flushed).toEqual([`${t.file}-wal`]);
    } finally {
      await database.close();
    }
  });
});
