/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { OnCallShift, TeamOnCall } from "@/lib/oncall/oncall";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

function Person({ shift }: { shift: OnCallShift }) {
  return (
    <>
      <strong className="font-semibold">{shift.user.name}</strong>
      {shift.override ? (
        <>
          {" "}
          <Badge tone="accent">override</Badge>
        </>
      ) : null}
    </>
  );
}

/** "On call: Ana until …; next: Ben", with the team's page one click away. */
export function OnCallLine({ team, oncall }: { team: { slug: string; name: string }; oncall: TeamOnCall }) {
  const { now, next } = oncall;
  return (
    <p className="text-sm" data-testid="on-call">
      <span className="font-medium">On call for </span>
      <Link href={`/teams/${team.slug}`} className="text-accent underline">
        {team.name}
      </Link>
      {": "}
      {now ? (
        <>
          <Person shift={now} /> until <LocalTime iso={now.until.toISOString()} zone />
        </>
      ) : (
        <span className="text-muted">nobody</span>
      )}
      {next ? (
        <>
          {"; next: "}
          <Person shift={next} /> from <LocalTime iso={next.since.toISOString()} zone />
        </>
      ) : null}
    </p>
  );
}
