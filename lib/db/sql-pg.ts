import "server-only";

import pg from "pg";

import type { TSql, TSqlParam } from "./sql";

type TQueryable = pg.Pool | pg.PoolClient;

function bind(conn: TQueryable, inTransaction: boolean): TSql {
  const self: TSql = {
    async query<T>(text: string, params?: readonly TSqlParam[]) {
      const result = await conn.query(text, params as unknown[] | undefined);
      return result.rows as T[];
    },
    async execute(text, params) {
      const result = await conn.query(text, params as unknown[] | undefined);
      return result.rowCount ?? 0;
    },
    async exec(script) {
      await conn.query(script);
    },
    async transaction(fn) {
      if (inTransaction) return fn(self);
      const client = await (conn as pg.Pool).connect();
      try {
        await client.query("BEGIN");
        const result = await fn(bind(client, true));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return self;
}

export function createPgSql(pool: pg.Pool): TSql {
  return bind(pool, false);
}
