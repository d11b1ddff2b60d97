export type CsvValue = string | number | null | undefined;

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with
 * an apostrophe, since commit messages and titles come from outside.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const cell = (v: CsvValue) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
