/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { IDLE } from "@/app/_actions/form-state";
import { setRotationAction } from "@/app/_actions/teams";
import type { OncallRotation } from "@/db/schema";
import { SHIFT_HOURS } from "@/lib/oncall/limits";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

const shiftLabel = (h: number) => (h < 24 ? `${h} hour${h === 1 ? "" : "s"}` : h % 168 === 0 ? `${h / 168} week${h === 168 ? "" : "s"}` : `${h / 24} day${h === 24 ? "" : "s"}`);

/** The rotation's rule; the zone list is the runtime's own, so any zone offered is one the server knows. */
export function RotationForm({ team, rotation, zones }: { team: string; rotation: OncallRotation | null; zones: string[] }) {
  const [state, action] = useActionState(setRotationAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label="On-call rotation">
      <input type="hidden" name="team" value={team} />
      <Field form="rotation" name="shiftHours" label="Shift length" error={fields.shiftHours}>
        {(props) => (
          <select name="shiftHours" defaultValue={String(rotation?.shiftHours ?? 168)} {...props}>
            {SHIFT_HOURS.map((h) => (
              <option key={h} value={h}>
                {shiftLabel(h)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="rotation" name="handoverTime" label="Hand-over time" type="time" defaultValue={rotation?.handoverTime ?? "09:00"} error={fields.handoverTime} hint="Local time in the zone below. On a day clocks skip it (DST), the hand-over comes as much later as the clocks jumped." />
      <Field form="rotation" name="timeZone" label="Time zone" error={fields.timeZone}>
        {(props) => (
          <select name="timeZone" defaultValue={rotation?.timeZone ?? "UTC"} {...props}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="rotation" name="startsOn" label="First hand-over on" type="date" defaultValue={rotation?.startsOn} error={fields.startsOn} hint="The first member's first shift starts that day at the hand-over time." />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText="Saving…">Save rotation</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
