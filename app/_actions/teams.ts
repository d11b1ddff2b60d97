"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberSchema, moveMemberSchema, newTeamSchema, overrideIdSchema, overrideSchema, rotationSchema, teamSlugSchema } from "@/lib/teams/schema";
import { addMember, addOverride, createTeam, deleteTeam, moveMember, removeMember, removeOverride, setRotation } from "@/lib/teams/teams";
import { authorizedAction } from "./authorized-action";

const messages = () => getTranslations("Teams.messages");

const changed = (team: string) => {
  revalidatePath("/settings");
  revalidatePath(`/settings/teams/${team}`);
  revalidatePath("/teams");
  revalidatePath(`/teams/${team}`);
};

export const createTeamAction = authorizedAction({ schema: newTeamSchema, permission: "manage", doing: "create teams", labels: { slug: "Team slug", name: "Team name" } }, async (input, { user, db }) => {
  const team = await createTeam(db, user, input);
  changed(team.slug);
  return { message: (await messages())("created", { name: team.name }), data: { slug: team.slug } };
});

export const deleteTeamAction = authorizedAction({ schema: teamSlugSchema, permission: "manage", doing: "delete teams" }, async ({ team }, { user, db }) => {
  await deleteTeam(db, user, team);
  changed(team);
  redirect("/settings");
});

export const addMemberAction = authorizedAction({ schema: memberSchema, permission: "manage", doing: "change team members", labels: { userId: "Person" } }, async (input, { user, db }) => {
  const name = await addMember(db, user, input);
  changed(input.team);
  return { message: (await messages())("added", { name }) };
});

export const removeMemberAction = authorizedAction({ schema: memberSchema, permission: "manage", doing: "change team members" }, async (input, { user, db }) => {
  await removeMember(db, user, input);
  changed(input.team);
  return { message: (await messages())("removed") };
});

export const moveMemberAction = authorizedAction({ schema: moveMemberSchema, permission: "manage", doing: "change the rotation order" }, async (input, { user, db }) => {
  await moveMember(db, user, input);
  changed(input.team);
  return { message: (await messages())("moved") };
});

export const setRotationAction = authorizedAction(
  { schema: rotationSchema, permission: "manage", doing: "set on-call rotations", labels: { shiftHours: "Shift length", handoverTime: "Hand-over time", timeZone: "Time zone", startsOn: "First hand-over on" } },
  async (input, { user, db }) => {
    await setRotation(db, user, input);
    changed(input.team);
    return { message: (await messages())("rotationSaved") };
  },
);

export const addOverrideAction = authorizedAction(
  { schema: overrideSchema, permission: "manage", doing: "add on-call overrides", labels: { userId: "Who covers", startsAt: "From", endsAt: "Until", reason: "Reason" } },
  async (input, { user, db }) => {
    const name = await addOverride(db, user, input);
    changed(input.team);
    return { message: (await messages())("overrideAdded", { name }) };
  },
);

export const removeOverrideAction = authorizedAction({ schema: overrideIdSchema, permission: "manage", doing: "remove on-call overrides" }, async (input, { user, db }) => {
  await removeOverride(db, user, input);
  changed(input.team);
  return { message: (await messages())("overrideRemoved") };
});
