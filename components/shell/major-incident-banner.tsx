/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";

/** While any SEV1 or SEV2 is open, every page says so (and links to it). */
export function MajorIncidentBanner({ incidents }: { incidents: { id: number; title: string; severity: string }[] }) {
  if (incidents.length === 0) return null;
  const [first] = incidents;
  return (
    <div role="alert" className="border-b border-danger bg-danger-soft px-4 py-2 text-sm">
      <strong>
        {incidents.length === 1 ? "A major incident is open" : `${incidents.length} major incidents are open`}:
      </strong>{" "}
      <Link href={`/incidents/${first!.id}`} className="underline">
        {first!.severity} {first!.title}
      </Link>
      {incidents.length > 1 ? (
        <>
          {" "}
          and{" "}
          <Link href="/incidents" className="underline">
            {incidents.length - 1} more
          </Link>
        </>
      ) : null}
    </div>
  );
}
