/** How a demo service behaves: the variety a first-time visitor should see on the dashboard. */
export type ServiceProfile = {
  slug: string;
  name: string;
  team: string;
  description: string;
  /** Mean production deployments per working day. */
  deploysPerDay: number;
  /** Share of successful deployments that turn out to be failed changes. */
  failureRate: number;
  /** Median hours from commit to production. */
  leadHours: number;
  /** Whether the service deploys to staging before production. */
  staging: boolean;
};

export const TEAMS = ["payments", "platform", "growth"] as const;

export const PROFILES: readonly ServiceProfile[] = [
  { slug: "checkout-api", name: "Checkout API", team: "payments", description: "Carts, orders and the checkout flow.", deploysPerDay: 5, failureRate: 0.03, leadHours: 5, staging: true },
  { slug: "payments-gateway", name: "Payments Gateway", team: "payments", description: "Card and wallet payments through the acquirers.", deploysPerDay: 1.2, failureRate: 0.06, leadHours: 20, staging: true },
  { slug: "ledger", name: "Ledger", team: "payments", description: "Double-entry bookkeeping for every money movement.", deploysPerDay: 0.2, failureRate: 0.08, leadHours: 96, staging: false },
  { slug: "api-gateway", name: "API Gateway", team: "platform", description: "Edge routing, rate limits and authentication of public traffic.", deploysPerDay: 1.5, failureRate: 0.04, leadHours: 14, staging: true },
  { slug: "auth-service", name: "Auth Service", team: "platform", description: "Sign-in, sessions and tokens for every product.", deploysPerDay: 0.6, failureRate: 0.05, leadHours: 40, staging: false },
  { slug: "search", name: "Search", team: "growth", description: "Product search and ranking; being rebuilt on a new index.", deploysPerDay: 0.9, failureRate: 0.28, leadHours: 150, staging: true },
  { slug: "web-frontend", name: "Web Frontend", team: "growth", description: "The storefront web app.", deploysPerDay: 3.5, failureRate: 0.04, leadHours: 8, staging: false },
  { slug: "notifications", name: "Notifications", team: "growth", description: "Email, SMS and push delivery.", deploysPerDay: 0.25, failureRate: 0.1, leadHours: 70, staging: false },
];

/** The first N profiles; past eight, variations of them with numbered slugs. */
export function profilesFor(count: number): ServiceProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const base = PROFILES[i % PROFILES.length]!;
    const round = Math.floor(i / PROFILES.length);
    if (round === 0) return base;
    return { ...base, slug: `${base.slug}-${round + 1}`, name: `${base.name} ${round + 1}` };
  });
}

export const DEMO_PEOPLE = [
  { email: "priya.raman@demo.example.com", name: "Priya Raman", role: "engineer" },
  { email: "tomas.novak@demo.example.com", name: "Tomás Novák", role: "engineer" },
  { email: "amara.okafor@demo.example.com", name: "Amara Okafor", role: "engineer" },
  { email: "li.wei@demo.example.com", name: "Li Wei", role: "approver" },
  { email: "sofia.lindqvist@demo.example.com", name: "Sofia Lindqvist", role: "approver" },
  { email: "jonas.weber@demo.example.com", name: "Jonas Weber", role: "admin" },
  { email: "maya.cohen@demo.example.com", name: "Maya Cohen", role: "viewer" },
] as const;
export type DemoPerson = (typeof DEMO_PEOPLE)[number];
