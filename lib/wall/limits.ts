/*
 * The wall's limits and defaults, apart from the schemas that enforce them: client components (the
 * settings form) read them without bringing zod into the browser.
 */
export const MAX_WALL_VIEWS = 6;
export const DEFAULT_ROTATE_SECONDS = 30;
export const WALL_PANELS = ["all", "incidents"] as const;
