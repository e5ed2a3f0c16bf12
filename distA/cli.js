#!/usr/bin/env node

// src/bin/launch.ts
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { isAscii } from "node:buffer";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

// src/batch/start-worker.ts
import { fork } from "node:child_process";
var workerEnv = "BRIEFDECK_BATCH_WORKER";
var defaultDocumentMemoryMb = 2048;
var workerCommands = ["build", "validate", "check"];
function startWorker(file, memoryMb, debug) {
  const child = fork(file, [], {
    execArgv: [`--max-old-space-size=${memoryMb}`],
    env: { ...process.env, [workerEnv]: "1" },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    serialization: "advanced"
  });
  const ready = new Promise((resolve) => {
    const onReady = (m) => {
      if ("ready" in m) {
        child.off("message", onReady);
        resolve();
      }
    };
    child.on("message", onReady);
  });
  const worker = { child, stderrTail: "", ready };
  child.stderr.setEncoding("utf8").on("data", (text) => {
    if (debug) process.stderr.write(text);
    worker.stderrTail = (worker.stderrTail + text).slice(-4096);
  });
  return worker;
}
var earlyKey = /* @__PURE__ */ Symbol.for("briefdeck.earlyWorker");
function startEarlyWorker(file, debug) {
  const worker = startWorker(file, defaultDocumentMemoryMb, debug);
  worker.child.unref();
  worker.child.channel?.unref();
  worker.child.stderr.unref?.();
  globalThis[earlyKey] = { worker, file, memoryMb: defaultDocumentMemoryMb };
}

// src/bin/launch.ts
var dir = path.dirname(fileURLToPath(import.meta.url));
var useCache = process.env["BRIEFDECK_NO_CACHE"] !== "1";
var wrap = Module.wrap;
var cachedBundles = { "./pptx-writer.cjs": "pptx-writer.cjs", "./watch.cjs": "watch.cjs" };
var loaded = /* @__PURE__ */ new Map();
function load(file) {
  if (loaded.has(file)) return loaded.get(file);
  const name = path.basename(file, ".cjs");
  const stat = statSync(file);
  const cacheFile = path.join(dir, `.${name}.${process.version}.${stat.size}.${Math.round(stat.mtimeMs)}.v8cache`);
  let cachedData;
  try {
    cachedData = useCache ? readFileSync(cacheFile) : void 0;
  } catch {
    cachedData = void 0;
  }
  const bytes = readFileSync(file);
  const source = (isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8")).replace(/^#!.*/, "");
  const script = new vm.Script(wrap(source), { filename: file, ...cachedData ? { cachedData } : {} });
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    process.once("beforeExit", () => {
      if (process.exitCode !== void 0 && process.exitCode !== 0) return;
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        const stale = new RegExp(`^\\.${name}\\..*\\.v8cache$`);
        for (const f of readdirSync(dir)) if (stale.test(f) && path.join(dir, f) !== cacheFile) rmSync(path.join(dir, f), { force: true });
      } catch {
      }
    });
  }
  const plain = createRequire(file);
  const require2 = Object.assign((id) => cachedBundles[id] ? load(path.join(dir, cachedBundles[id])) : plain(id), plain);
  const module = { exports: {} };
  loaded.set(file, module.exports);
  script.runInThisContext().call(module.exports, module.exports, require2, module, file, dir);
  loaded.set(file, module.exports);
  return module.exports;
}
var isWorker = process.env[workerEnv] === "1";
var args = process.argv.slice(2);
if (!isWorker && workerCommands.includes(args[0] ?? "") && !args.includes("--help") && !args.includes("-h")) {
  startEarlyWorker(fileURLToPath(import.meta.url), args.includes("--debug") || process.env["BRIEFDECK_DEBUG"] === "1");
}
load(path.join(dir, isWorker ? "worker.cjs" : "briefdeck.cjs"));
