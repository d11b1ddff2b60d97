/**
 * The weekly stack's series for the services beyond its colour limit. A plain module of its own: the
 * chart (a client component) names it in the page's language without loading the queries.
 */
export const OTHER_SERVICES = "other";
