// Preloaded into the Next.js server (`npm start`, the e2e servers) with NODE_OPTIONS=--require. It
// patches http.createServer, which `next start` calls with its request listener, in two ways:
//
// 1. A deadline for the whole request. Node's default is 300 s, checked every 30 s, so a client that
//    trickles its body or stops half-way (a half-open connection) holds a socket for five minutes.
//    Here headers and body must arrive within UNIGAP_REQUEST_TIMEOUT_MS (default 120 s; a 20 MB image
//    over a slow link fits), else Node answers 408 and closes the connection. No database connection
//    is held meanwhile: routes authenticate (one short query) and only then read the body.
// 2. The URL as sent is checked before Next.js sees it. A percent-encoding that is not UTF-8 (%FF, or
//    %ED%A0%80 — a lone surrogate) names text nobody can have meant; Next.js would quietly turn it
//    into U+FFFD in the query and a page's params would throw while decoding (a 500). An API request
//    gets a 422 naming the parameter, a page a 400.
"use strict";

// process.getBuiltinModule (Node ≥ 20.16) is the same module object that require("http") returns to Next.js.
const http = process.getBuiltinModule("node:http");

function decodes(text) {
  try {
    decodeURIComponent(text.replace(/\+/g, " "));
    return true;
  } catch {
    return false;
  }
}

/** The first part of a request URL that does not decode as UTF-8 — "path" or a query parameter's name — or null. */
function findMalformedUrlPart(url) {
  const at = url.indexOf("?");
  if (!decodes(at < 0 ? url : url.slice(0, at))) return "path";
  if (at < 0) return null;
  for (const part of url
    .slice(at + 1)
    .split("#")[0]
    .split("&")) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!decodes(key)) return "(query)";
    if (eq >= 0 && !decodes(part.slice(eq + 1))) return decodeURIComponent(key.replace(/\+/g, " "));
  }
  return null;
}

function refuseMalformedUrls(listener) {
  return function guardedListener(req, res) {
    const part = findMalformedUrlPart(req.url || "/");
    if (part === null) return listener.call(this, req, res);
    const message = `Invalid input at ${part}: the address's percent-encoding is not valid UTF-8.`;
    const isApi = (req.url || "").startsWith("/api/");
    const body = isApi
      ? JSON.stringify({ error: { code: "INVALID_INPUT", message, details: [{ path: part, message: "not valid UTF-8" }] } })
      : `Bad request. ${message}`;
    res.writeHead(isApi ? 422 : 400, { "content-type": isApi ? "application/json" : "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
}

const timeoutMs = Number(process.env.UNIGAP_REQUEST_TIMEOUT_MS) > 0 ? Number(process.env.UNIGAP_REQUEST_TIMEOUT_MS) : 120_000;
const limits = {
  requestTimeout: timeoutMs,
  headersTimeout: Math.min(60_000, timeoutMs),
  // How often Node looks for requests past their deadline (default 30 s).
  connectionsCheckingInterval: Math.max(250, Math.min(30_000, Math.floor(timeoutMs / 4))),
};

const createServer = http.createServer;
http.createServer = function createGuardedServer(options, listener) {
  if (typeof options === "function" || options === undefined) return createServer.call(this, { ...limits }, options && refuseMalformedUrls(options));
  return createServer.call(this, { ...options, ...limits }, listener && refuseMalformedUrls(listener));
};

module.exports = { findMalformedUrlPart };
