// Preloaded into the Next.js server (`npm start`, the e2e servers): bounds how long one request may
// take to arrive. Node's default is 300 s, checked every 30 s, so a client that trickles its body or
// stops half-way (a half-open connection) holds a socket for five minutes. With this, the whole
// request — headers and body — must arrive within UNIGAP_REQUEST_TIMEOUT_MS (default 120 s; a 20 MB
// image over a slow link fits), else Node answers 408 and closes the connection. No database
// connection is held meanwhile: routes authenticate (one short query) and then read the body.
"use strict";

// process.getBuiltinModule (Node ≥ 20.16) is the same module object that require("http") returns to Next.js.
const http = process.getBuiltinModule("node:http");

const timeoutMs = Number(process.env.UNIGAP_REQUEST_TIMEOUT_MS) > 0 ? Number(process.env.UNIGAP_REQUEST_TIMEOUT_MS) : 120_000;
const limits = {
  requestTimeout: timeoutMs,
  headersTimeout: Math.min(60_000, timeoutMs),
  // How often Node looks for requests past their deadline (default 30 s).
  connectionsCheckingInterval: Math.max(250, Math.min(30_000, Math.floor(timeoutMs / 4))),
};

const createServer = http.createServer;
http.createServer = function createServerWithTimeouts(options, listener) {
  if (typeof options === "function" || options === undefined) return createServer.call(this, { ...limits }, options);
  return createServer.call(this, { ...options, ...limits }, listener);
};
