// Work to do once before the process (or a batch worker) ends: saving what
// a cache learnt. `beforeExit` covers the main thread; a batch worker is
// told to finish and runs the hooks itself (worker-main.ts), since a worker
// that is ended from outside never sees `beforeExit`.
const hooks = new Set<() => void>();

export function atExit(hook: () => void): void {
  if (hooks.size === 0) process.once('beforeExit', runExitHooks);
  hooks.add(hook);
}

export function runExitHooks(): void {
  for (const hook of [...hooks]) {
    hooks.delete(hook);
    hook();
  }
}
