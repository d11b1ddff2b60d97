import type { ReactNode } from "react";

/**
 * The tags the catalogs' rich messages use (`t.rich(key, { ...richTags, … })`): <data> wraps data and
 * product names (names, slugs, titles, example values, "Slack") in translate="no", so translators and
 * the Chinese sweep leave it as it is; <code> is an endpoint, a command or literal code; <sr> words only
 * a screen reader hears (the record a button acts on).
 */
export const richTags = {
  data: (chunks: ReactNode) => <span translate="no">{chunks}</span>,
  code: (chunks: ReactNode) => (
    <code translate="no" className="font-mono">
      {chunks}
    </code>
  ),
  sr: (chunks: ReactNode) => <span className="sr-only">{chunks}</span>,
};
