// How `npm run bench` measures one CLI run: wall time from spawn to exit, and
// the peak resident memory of the CLI and its worker processes, summed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

/** Resident bytes of `pid` and every process below it (Linux /proc; 0 elsewhere). */
export function treeRss(pid) {
  let stats;
  try {
    stats = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((d) => {
        try {
          const s = readFileSync(`/proc/${d}/stat`, 'utf8');
          const fields = s.slice(s.lastIndexOf(')') + 2).split(' ');
          return { pid: Number(d), ppid: Number(fields[1]), rssPages: Number(fields[21]) };
        } catch {
          return undefined;
        }
      })
      .filter(Boolean);
  } catch {
    return 0;
  }
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!inTree.has(s.pid) && inTree.has(s.ppid)) inTree.add(s.pid), (grew = true);
  }
  return stats.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.rssPages * 4096, 0);
}

/** One CLI run: wall milliseconds and peak memory of the process tree. */
export function runCli(args, { cwd = process.cwd(), env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 10);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      clearInterval(timer);
      if (code !== 0) reject(new Error(`briefdeck ${args.join(' ')} exited ${code} in ${cwd}:\n${stderr}`));
      else resolve({ ms, peak });
    });
  });
}

