import type { ReactNode } from "react";

/**
 * The tags the catalogs' rich messages use (`t.rich(key, { ...richTags, … })`): <d> wraps data (names,
 * slugs, titles, example values) in translate="no", so translators and the Chinese sweep leave it as it
 * is; <code> is an endpoint or command; <sr> words only a screen reader hears.
 */
export const richTags = {
  d: (chunks: ReactNode) => <span translate="no">{chunks}</span>,
  code: (chunks: ReactNode) => <code translate="no">{chunks}</code>,
  sr: (chunks: ReactNode) => <span className="sr-only">{chunks}</span>,
};
