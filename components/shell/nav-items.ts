/** `label`: the item's key in the catalog's Nav section. */
export const NAV_ITEMS = [
  { href: "/", label: "overview" },
  { href: "/me", label: "me" },
  { href: "/timeline", label: "timeline" },
  { href: "/deployments", label: "deployments" },
  { href: "/incidents", label: "incidents" },
  { href: "/changes", label: "changes" },
  { href: "/services", label: "services" },
  { href: "/teams", label: "teams" },
  { href: "/wall", label: "wall" },
  { href: "/api-docs", label: "api" },
  { href: "/settings", label: "settings", adminOnly: true },
] as const;
