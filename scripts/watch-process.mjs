// `briefdeck watch` run in a child process, as a user runs it (a browser
// driven from the same process would wait for each build): its URL, the
// version of a document it shows, and a stop (Ctrl-C). Used by the bench
// and the browser tests.
import { spawn } from 'node:child_process';
import path from 'node:path';

const cli = path.resolve(import.meta.dirname, '..', 'dist', 'cli.js');

/** Start `briefdeck watch --project dir`; resolves once it prints its URL. */
export async function startWatchProcess(dir) {
  const child = spawn(process.execPath, [cli, 'watch', '--project', dir], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c) => {
      out += c;
      const m = /briefdeck preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`briefdeck watch exited (${code}): ${out}`)));
  });
  const version = async (key) => (await (await fetch(`${url}api/state`)).json()).docs.find((d) => d.key === key).version;
  const close = () => new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGINT');
  });
  return { url, version, close };
}

