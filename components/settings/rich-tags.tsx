/**
 * The tags settings messages use in t.rich: `<sr>` words only screen readers hear (the record a button
 * acts on), `<data>` a record's own name and `<code>` literal code, both marked translate="no".
 */
export const richTags = {
  sr: (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>,
  data: (chunks: React.ReactNode) => <span translate="no">{chunks}</span>,
  code: (chunks: React.ReactNode) => <code translate="no">{chunks}</code>,
};
