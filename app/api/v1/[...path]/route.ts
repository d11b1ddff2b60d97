import { errorResponse } from "@/app/_http/api-route";
import { AppError } from "@/lib/errors";

/**
 * Any /api/v1 path no route serves: the API's 404 envelope, which a client can read, instead of the
 * app's HTML page for a lost reader. Routes that exist always win over this catch-all.
 */
function unknownEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError("not_found", `There is no API endpoint ${request.method} ${pathname}; the endpoints are listed in /api/v1/openapi.json.`));
}

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
