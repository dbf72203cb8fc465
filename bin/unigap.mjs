#!/usr/bin/env node
// The `unigap` command. The CLI is TypeScript; Node 20 cannot run .ts files itself, so this
// launcher registers tsx (a runtime dependency) and hands over to cli/main.ts.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
