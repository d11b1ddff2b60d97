/**
 * Results of pure reads kept until the data they came from changes: each entry remembers the data
 * version it was computed at (the database's `changes.version()`) and is used only while the version is
 * the same, so a cached figure is never older than the last write. Least recently used entries go first
 * once `capacity` is reached. A value may be a Promise (an asynchronous read): callers asking meanwhile
 * share it, and one that rejects is dropped so the next call computes again.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity: number) {}

  get(key: string, version: string, compute: () => T): T {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    if (value instanceof Promise) {
      // The caller still sees the rejection; this branch only forgets the failed entry.
      value.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
