// Signals between the servers of one database: PostgreSQL's LISTEN/NOTIFY on one channel, with a topic
// and a payload per message ("judge-choice" + a run id). Each server keeps one connection of its own
// listening (started at boot); a server that notifies hears itself too, which is harmless. In embedded
// mode there is one process, so a signal is delivered in-process at once.
// After the listening connection drops, messages may have been missed: every topic's handler is then
// called with null ("forget everything") once the connection is back.
import "server-only";

import pg from "pg";

import { getDb } from "./client";
import type { TDatabase } from "./open";

const CHANNEL = "unigap_events";
const RECONNECT_MS = 1000;

type THandler = (payload: string | null) => void;
type TState = { handlers: Map<string, THandler>; client: pg.Client | null; stopped: boolean };
// On globalThis: instrumentation and route handlers are separate bundles of one process.
const STATE_KEY = Symbol.for("unigap.notify");
const state = ((globalThis as Record<symbol, TState>)[STATE_KEY] ??= { handlers: new Map(), client: null, stopped: false });

/** One handler per topic (a module loaded twice replaces its own handler instead of adding a second). */
export function onSignal(topic: string, handler: THandler): void {
  state.handlers.set(topic, handler);
}

function dispatch(topic: string, payload: string | null): void {
  try {
    state.handlers.get(topic)?.(payload);
  } catch (error) {
    console.error(`[unigap] handling signal ${topic} failed`, error);
  }
}

/** Tells every server on the database (this one included). */
export async function signal(topic: string, payload: string): Promise<void> {
  const db = await getDb();
  if (db.kind !== "postgres") return dispatch(topic, payload);
  await db.sql.query(`SELECT pg_notify($1, $2)`, [CHANNEL, JSON.stringify({ topic, payload })]);
}

/** Opens the listening connection (PostgreSQL only); reconnects while the process lives. Resolves once listening. */
export async function startListening(db: TDatabase): Promise<void> {
  if (db.config.kind !== "postgres") return;
  state.stopped = false;
  const url = db.config.url;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, application_name: "unigap-listen" });
    client.on("notification", (message) => {
      try {
        const { topic, payload } = JSON.parse(message.payload ?? "{}") as { topic: string; payload: string };
        dispatch(topic, payload);
      } catch {
        /* not ours */
      }
    });
    const reconnect = () => {
      if (state.client !== client) return;
      state.client = null;
      client.end().catch(() => undefined);
      if (state.stopped) return;
      const retry = setTimeout(() => {
        connect()
          .then(() => {
            for (const topic of state.handlers.keys()) dispatch(topic, null);
          })
          .catch(() => undefined); // connect schedules its own retry
      }, RECONNECT_MS);
      retry.unref?.();
    };
    client.on("error", (error) => {
      console.error(`[unigap] the LISTEN connection failed: ${error.message}; reconnecting`);
      reconnect();
    });
    client.on("end", reconnect);
    state.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      reconnect();
      throw error;
    }
  };
  await connect();
}

export async function stopListening(): Promise<void> {
  state.stopped = true;
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => undefined);
}
