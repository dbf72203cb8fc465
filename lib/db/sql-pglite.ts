import "server-only";

import type { PGlite, Transaction } from "@electric-sql/pglite";

import type { TSql, TSqlParam } from "./sql";

type TQueryable = PGlite | Transaction;

function bind(conn: TQueryable, root: PGlite | null): TSql {
  const self: TSql = {
    async query<T>(text: string, params?: readonly TSqlParam[]) {
      const result = await conn.query<T>(text, params as unknown[] | undefined);
      return result.rows;
    },
    async execute(text, params) {
      const result = await conn.query(text, params as unknown[] | undefined);
      return result.affectedRows ?? 0;
    },
    async exec(script) {
      await conn.exec(script);
    },
    async transaction(fn) {
      // PGlite is one connection: its transaction() holds the connection until fn settles, so
      // nothing else (including Prisma on the same instance) may run in between.
      if (!root) return fn(self);
      return root.transaction((tx) => fn(bind(tx, null)));
    },
  };
  return self;
}

export function createPgliteSql(db: PGlite): TSql {
  return bind(db, db);
}
