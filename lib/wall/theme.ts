/** A wall is dark unless its URL asks for light (`?theme=light`), for a TV in a bright room. */
export const WALL_THEMES = ["dark", "light"] as const;
export type WallTheme = (typeof WALL_THEMES)[number];

export function wallTheme(param: string | string[] | undefined): WallTheme {
  return param === "light" ? "light" : "dark";
}
