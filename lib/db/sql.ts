// One small SQL interface over both databases, for the paths Prisma is too slow or too blunt for:
// bulk writes (unnest arrays), aggregates, migrations. Result rows are plain objects; int8 and
// numeric arrive as strings on both drivers (cast in SQL when a number is wanted).

export type TSqlParam = string | number | boolean | null | Date | Uint8Array | readonly unknown[] | Record<string, unknown>;

export type TSql = {
  query<T = Record<string, unknown>>(text: string, params?: readonly TSqlParam[]): Promise<T[]>;
  /** Rows changed by an INSERT/UPDATE/DELETE. */
  execute(text: string, params?: readonly TSqlParam[]): Promise<number>;
  /** Several statements, no parameters (migrations, scripts). */
  exec(script: string): Promise<void>;
  /** Runs fn inside one transaction; nested calls reuse the outer one. Rolls back when fn throws. */
  transaction<T>(fn: (tx: TSql) => Promise<T>): Promise<T>;
};
