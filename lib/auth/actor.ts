import type { ActorType } from "@/db/schema/audit";
import type { TokenRole, UserRole } from "./roles";

/** Who is doing something: recorded on every audit row. */
export type Actor =
  | { type: "user"; id: string; label: string; role: UserRole }
  | { type: "token"; id: string; label: string; role: TokenRole }
  | { type: Exclude<ActorType, "user" | "token">; id: string | null; label: string };

export type UserActor = Extract<Actor, { type: "user" }>;

/** The signed-in person a page or action acts for. */
export type CurrentUser = UserActor & { name: string; email: string };

export const CLI_ACTOR: Actor = { type: "cli", id: null, label: "command line" };
export const SYSTEM_ACTOR: Actor = { type: "system", id: null, label: "Tandem" };
