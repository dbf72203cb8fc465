import { apiRoute } from "@/lib/http/route";
import { getHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

// GET /api/health — liveness plus which database answered and how many migrations it has.
export const GET = apiRoute({ auth: "public" }, () => getHealth());
