export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/me", label: "My work" },
  { href: "/timeline", label: "Timeline" },
  { href: "/deployments", label: "Deployments" },
  { href: "/incidents", label: "Incidents" },
  { href: "/changes", label: "Changes" },
  { href: "/services", label: "Services" },
  { href: "/teams", label: "Teams" },
  { href: "/wall", label: "Wall" },
  { href: "/api-docs", label: "API" },
  { href: "/settings", label: "Settings", adminOnly: true },
] as const;
