import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/http/route";

// GET /api/v1/openapi.json — the OpenAPI 3.1 description, generated from the routes' zod contracts.
export const GET = apiRoute({ auth: "public" }, async () => buildOpenApiDocument());
