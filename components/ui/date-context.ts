"use client";

import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";
import { readerDateContext, serverDateContext, type DateContext } from "@/lib/format";

const subscribe = () => () => undefined;

/**
 * The locale and zone a client component formats times in: the page's language in the server's UTC
 * while rendering on the server and hydrating (it cannot know the reader's zone), the reader's own zone
 * once hydrated — so the server's HTML and the first client render agree.
 */
export function useDateContext(): DateContext {
  const locale = useLocale();
  return useSyncExternalStore(
    subscribe,
    () => readerDateContext(locale),
    () => serverDateContext(locale),
  );
}
