// How `npm run bench` measures one CLI run: wall time from spawn to exit, and
// the peak resident memory of the CLI and its worker processes, summed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

/**
 * Resident bytes of `pid` and every process below it (Linux /proc; 0
 * elsewhere). Sampled every 10 ms during a run, so it must be cheap: it
 * follows the tree through /proc/PID/task/PID/children (two reads a
 * process, about 0.05 ms), not through every process's stat (1.35 ms a sample here, which
 * took 13% of a core from the build being measured).
 */
export function treeRss(pid) {
  const viaChildren = treeRssViaChildren(pid);
  return viaChildren ?? treeRssViaScan(pid);
}

function rssOf(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[21]) * 4096;
}

/** undefined where the kernel has no `children` files. */
function treeRssViaChildren(root) {
  let sum = 0;
  const todo = [root];
  try {
    for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
      try {
        sum += rssOf(pid);
        // Node starts child processes from its main thread, whose task id is the pid.
        for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ')) if (c.trim()) todo.push(Number(c));
      } catch (e) {
        if (e.code === 'ENOENT' && pid !== root) continue; // ended meanwhile
        throw e;
      }
    }
  } catch {
    return undefined;
  }
  return sum;
}

function treeRssViaScan(pid) {
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

