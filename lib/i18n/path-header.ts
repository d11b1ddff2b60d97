/** The request header the proxy sets to the page's path, so the locale can follow a wall link's. */
export const PATH_HEADER = "x-tandem-path";
