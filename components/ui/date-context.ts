"use client";

import { useSyncExternalStore } from "react";
import { READER_DATE_CONTEXT, SERVER_DATE_CONTEXT, type DateContext } from "@/lib/format";

const subscribe = () => () => undefined;

/**
 * The locale and zone a client component formats times in: the server's UTC while rendering on the
 * server (it cannot know the reader's), the reader's own once hydrated.
 */
export function useDateContext(): DateContext {
  return useSyncExternalStore(subscribe, () => READER_DATE_CONTEXT, () => SERVER_DATE_CONTEXT);
}
