/**
 * A raw row as SQLite would give it: booleans as 1 and 0 (SQLite has no boolean type, and the query
 * modules read raw rows written once for both engines). Drizzle's own queries decode through the
 * schema's columns and never come here.
 */
export function sqliteShaped<T>(rows: Record<string, unknown>[]): T[] {
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === "boolean") row[key] = value ? 1 : 0;
    }
  }
  return rows as T[];
}
