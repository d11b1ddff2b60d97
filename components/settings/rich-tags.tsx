import type { ReactNode } from "react";

/**
 * The tags the settings' messages use in rich text (t.rich): code and product names that stay as written in
 * every language (translate="no", which the Chinese sweep also skips), a record's own name inside a
 * sentence, and the words only a screen reader needs (the record a button acts on).
 */
export const richTags = {
  code: (chunks: ReactNode) => (
    <code translate="no" className="font-mono">
      {chunks}
    </code>
  ),
  product: (chunks: ReactNode) => <span translate="no">{chunks}</span>,
  data: (chunks: ReactNode) => <span translate="no">{chunks}</span>,
  sr: (chunks: ReactNode) => <span className="sr-only">{chunks}</span>,
};
