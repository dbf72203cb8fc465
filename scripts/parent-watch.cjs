// Preloaded (NODE_OPTIONS=--require) into every Node process that `npm start` spawns — npx, `next
// start` and the next-server child it forks — so that none outlives `scripts/start.mjs`. A
// supervisor or the OOM killer may SIGKILL start.mjs, which then cannot forward a signal; each
// child notices that the pid it was started for is gone and stops itself with SIGTERM (Next's own
// graceful shutdown), so a restart never meets "port in use" or a locked embedded data folder.
"use strict";

const watched = Number(process.env.UNIGAP_PARENT_PID);
const intervalMs = Number(process.env.UNIGAP_PARENT_WATCH_MS) || 500;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

if (Number.isInteger(watched) && watched > 1 && watched !== process.pid) {
  const timer = setInterval(() => {
    // Orphans are re-parented (ppid changes) as soon as their parent dies; the pid check covers the rest.
    if (isAlive(watched)) return;
    clearInterval(timer);
    process.kill(process.pid, "SIGTERM");
    // A process that ignores SIGTERM is ended all the same.
    setTimeout(() => process.exit(1), 10_000).unref();
  }, intervalMs);
  timer.unref();
}
