"use client";

import { useLocale } from "next-intl";
import type { DateContext } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";

const language = (tag: string) => tag.toLowerCase().split("-")[0];

/**
 * Dates in the page's language: the reader's own locale when it speaks that language (en-GB and en-US
 * each keep their order), else the page's, so a Chinese wall on an English browser names its days in
 * Chinese and an English page on a Chinese browser stays English.
 */
export function usePageDateContext(): DateContext {
  const ctx = useDateContext();
  const locale = useLocale();
  const reader = ctx.locale ?? (typeof navigator === "undefined" ? undefined : navigator.language);
  return reader && language(reader) === language(locale) ? ctx : { ...ctx, locale };
}
