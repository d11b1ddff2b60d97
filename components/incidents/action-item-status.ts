import type { ActionItemStatus } from "@/db/schema/action-items";

/** How each status reads on a page. */
export const STATUS_WORDS: Record<ActionItemStatus, string> = { open: "Open", done: "Done", wont_do: "Won't do" };
