/*
 * The wall's limits and defaults, apart from the schemas that enforce them: client components (the
 * settings form) read them without bringing zod into the browser.
 */
export const MAX_WALL_VIEWS = 6;
/** The days the wall's figures cover (and, before them, the period they are compared with). */
export const WALL_WINDOW_DAYS = 30;
export const DEFAULT_ROTATE_SECONDS = 30;
export const WALL_PANELS = ["all", "incidents"] as const;
