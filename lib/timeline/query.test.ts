import { describe, expect, it } from "vitest";
import { encodeCursor, timelineQuerySchema } from "./query";

describe("timeline cursors", () => {
  it.each([
    { at: Date.UTC(2026, 10, 20), id: 7 },
    // An event dated before 1970 (an old deployment imported) pages on like any other.
    { at: Date.UTC(1969, 6, 20), id: 3 },
    { at: 8.64e15, id: 2_147_483_647 },
  ])("reads back the cursor it wrote for %j", (cursor) => {
    expect(timelineQuerySchema.parse({ before: encodeCursor(cursor) }).before).toEqual(cursor);
  });
});
