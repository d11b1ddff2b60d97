import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OnCallShift, TeamOnCall } from "@/lib/oncall/oncall";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

function Person({ shift }: { shift: OnCallShift }) {
  const t = useTranslations("OnCall");
  return (
    <>
      <strong className="font-semibold" translate="no">
        {shift.user.name}
      </strong>
      {shift.override ? (
        <>
          {" "}
          <Badge tone="accent">{t("override")}</Badge>
        </>
      ) : null}
    </>
  );
}

/** "On call for Payments: Ana until …; next: Ben from …" ("Payments 值班：Ana 值班至 …"), with the team's page one click away. */
export function OnCallLine({ team, oncall }: { team: { slug: string; name: string }; oncall: TeamOnCall }) {
  const t = useTranslations("OnCall");
  const { now, next } = oncall;
  return (
    <p className="text-sm" data-testid="on-call">
      {t.rich("label", {
        team: team.name,
        b: (chunks) => <span className="font-medium">{chunks}</span>,
        link: (chunks) => (
          <Link href={`/teams/${team.slug}`} className="text-accent underline" translate="no">
            {chunks}
          </Link>
        ),
      })}
      {now ? t.rich("now", { person: () => <Person shift={now} />, time: () => <LocalTime iso={now.until.toISOString()} zone /> }) : <span className="text-muted">{t("nobody")}</span>}
      {next ? t.rich("next", { person: () => <Person shift={next} />, time: () => <LocalTime iso={next.since.toISOString()} zone /> }) : null}
    </p>
  );
}
