import type { TResult } from "./outcomes";
import type { TCaller, TWorld } from "./world";

export type TRow = {
  /** `GET /api/…` for a route handler, `page /…` for a page, `action name` for a server action. */
  key: string;
  expected: Record<TCaller, string>;
  call: (world: TWorld, caller: TCaller) => Promise<TResult>;
  /** What a caller may see in an answer; runs after the outcome matched. */
  check?: (world: TWorld, caller: TCaller, result: TResult) => void | Promise<void>;
};
