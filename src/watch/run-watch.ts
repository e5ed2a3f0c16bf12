// `briefdeck watch`: plan the documents, build them, serve the preview, and
// rebuild what each save touches. Saves that come faster than builds are
// coalesced: while a round builds, changes only collect, and the next round
// builds the files as they are then (the latest state, once).
import { EventEmitter, once } from 'node:events';
import path from 'node:path';
import type { PlanRequest } from '../batch/plan-jobs.js';
import { FileWatcher, type FolderWatch } from './file-watcher.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';
import { WatchSession, type DocState } from './watch-session.js';

export interface WatchRequest {
  root: string;
  plan: PlanRequest;
  port?: number;
  editorLinks?: boolean;
  /** Progress lines ("rebuilt … in 48 ms"); default: none. */
  log?: (line: string) => void;
}

export interface Watching {
  url: string;
  server: PreviewServer;
  session: WatchSession;
  /**
   * Resolves when every change seen so far is built (tests, the bench).
   * Given a file saved just before the call, it first waits for the watcher
   * to report that file (at most `waitMs`): on a busy machine the event can
   * come after a round that started without it has ended.
   */
  idle(saved?: string, waitMs?: number): Promise<void>;
  /** How long documents no page shows wait for the pages' drawn note (`defaultDrawnWaitMs`); tests lengthen it to tell the two apart under load. */
  drawnWaitMs: number;
  close(): Promise<void>;
}

/**
 * How long documents no page shows wait for the pages to draw what they show
 * (a page in a background tab gets no frames, and says nothing). A document
 * another page shows does not wait: measured with two pages open, waiting
 * for the brief's page made the deck's 60–90 ms later and the brief's no sooner.
 */
export const defaultDrawnWaitMs = 250;

/** An editor is at hand to open `vscode://file/…` links (its terminal sets these). */
export function editorDetected(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['TERM_PROGRAM'] === 'vscode' || Object.keys(env).some((k) => k.startsWith('VSCODE_'));
}

function foldersOf(session: WatchSession): FolderWatch[] {
  const folders: FolderWatch[] = [{ dir: session.opts.root, recursive: false }];
  if (session.ctx) folders.push({ dir: session.ctx.templatesDir, recursive: true });
  for (const d of session.docs) folders.push({ dir: d.job.data, recursive: true });
  // The folders holding datasets (`data/`): a dataset added there may be one a glob in briefdeck.yaml (`data/*`) now matches.
  for (const dir of session.datasetParents()) folders.push({ dir, recursive: true });
  // And the folder of every other file a document read: the brand's fonts and logos, images, a reference deck.
  for (const d of session.docs) for (const file of d.reads) folders.push({ dir: path.dirname(file), recursive: false });
  return folders;
}

export async function startWatch(req: WatchRequest): Promise<Watching> {
  const log = req.log ?? (() => {});
  const session = new WatchSession({ root: req.root, plan: req.plan, ...(req.editorLinks !== undefined ? { editorLinks: req.editorLinks } : {}) });
  const pending = new Set<string>();
  let replan = true;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let server: PreviewServer | undefined;
  /** Set by `close`: no round starts after it (a round running then finishes, and watches nothing more). */
  let closing = false;
  let drawnWaitMs = defaultDrawnWaitMs;
  /** Each file the watcher reports, as an event named by its path (`idle(saved)` waits for one); `closed` ends the waits. */
  const reports = new EventEmitter().setMaxListeners(0);
  const closed = new AbortController();
  const watcher = new FileWatcher((file) => {
    pending.add(file);
    schedule();
    reports.emit(file);
  });

  /**
   * Tell the pages, with the new outputs, and build on only once that is
   * sent: the next build's synchronous stages would hold it back (on 2 cores,
   * a page's own request for the new PDF waited 60–100 ms behind the deck's build).
   */
  const tell = async (keys: string[]): Promise<void> => {
    await server?.notify(keys);
  };
  /** The documents open pages show come first: a save that touches the brief and the deck shows the one being looked at soonest. */
  const shownFirst = (docs: DocState[]): DocState[] => {
    const open = server?.shown() ?? new Set<string>();
    return [...docs.filter((d) => open.has(d.key)), ...docs.filter((d) => !open.has(d.key))];
  };

  const round = async (): Promise<void> => {
    for (;;) {
      // After Ctrl-C, nothing more is built: the outputs so far stay as written.
      if (closing) return;
      const files = [...pending];
      pending.clear();
      let docs: DocState[];
      if (replan || files.some((f) => session.touched(f) === 'replan')) {
        replan = false;
        session.plan();
        watcher.set(foldersOf(session));
        docs = session.docs;
      } else {
        const hit = new Set(files.flatMap((f) => session.touched(f) as DocState[]));
        docs = session.docs.filter((d) => hit.has(d));
      }
      if (docs.length === 0 && pending.size === 0) {
        void server?.notify([]);
        return;
      }
      const open = server?.shown() ?? new Set<string>();
      const shownBuilt: string[] = [];
      for (const d of shownFirst(docs)) {
        // What no page shows waits until the pages have drawn what they show: its build would take the cores the browser draws with.
        if (!open.has(d.key) && shownBuilt.length) await server?.drawn(shownBuilt.splice(0), drawnWaitMs);
        if (closing) return;
        await session.build(d, () => tell([d.key]));
        if (open.has(d.key)) shownBuilt.push(d.key);
        // Each document is shown as soon as it is built (a deck already when its slides are), not after the whole round.
        const told = tell([d.key]);
        try {
          // What it read may lie in folders not watched yet (a font the brand file now names).
          watcher.set(foldersOf(session));
          log(`${d.errors.length ? 'failed' : 'built'} ${d.label}${d.errors.length ? ` (${d.errors.length} error${d.errors.length === 1 ? '' : 's'}; the last good preview stays)` : ''} in ${Math.round(d.buildMs ?? 0)} ms`);
        } finally {
          await told;
        }
      }
      if (pending.size === 0) return;
    }
  };

  function schedule(): void {
    if (timer || closing) return;
    // A few milliseconds gather the events of one save (an editor writes, renames and touches).
    timer = setTimeout(() => {
      timer = undefined;
      if (running) return; // the running round picks the changes up when it ends
      running = round()
        // A bug in a round (each build reports its own errors) is said once; the watch goes on.
        .catch((e: unknown) => log(`briefdeck watch: a rebuild failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          running = undefined;
          if (pending.size) schedule();
        });
    }, 8);
  }

  schedule();
  await new Promise<void>((resolve) => setTimeout(resolve, 10));
  while (running) await running;
  server = await startPreviewServer(session, req.port ?? 0);
  const idle = async (savedFile?: string, waitMs = 10_000) => {
    if (savedFile !== undefined) {
      const saved = path.resolve(savedFile);
      const timeout = AbortSignal.timeout(waitMs);
      await once(reports, saved, { signal: AbortSignal.any([timeout, closed.signal]) }).catch(() => {
        if (timeout.aborted) log(`briefdeck watch: the watcher did not report ${saved} within ${waitMs} ms`);
      });
    }
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      if (!running && !timer && pending.size === 0) return;
      if (running) await running;
    }
  };
  return {
    url: server.url,
    server,
    session,
    idle,
    get drawnWaitMs() {
      return drawnWaitMs;
    },
    set drawnWaitMs(ms: number) {
      drawnWaitMs = ms;
    },
    async close() {
      closing = true;
      watcher.close();
      pending.clear();
      // Whoever waits for a file to be reported waits no more.
      closed.abort();
      if (timer) clearTimeout(timer);
      timer = undefined;
      // The server first: with its pages gone, a round waiting for their drawn note goes on at once, and ends.
      const serverClosed = server?.close();
      if (running) await running.catch(() => {});
      await serverClosed;
    },
  };
}

/** The command: start, print the URL, run until Ctrl-C. */
export async function runWatch(req: WatchRequest & { open?: boolean }, out: { write(text: string): unknown } = process.stdout): Promise<number> {
  const w = await startWatch({ ...req, log: (line) => out.write(`${line}\n`) });
  out.write(`briefdeck preview: ${w.url}  (watching ${path.relative(process.cwd(), req.root) || '.'}; Ctrl-C stops)\n`);
  if (req.open) {
    const { spawn } = await import('node:child_process');
    const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    spawn(cmd, [w.url], { stdio: 'ignore', detached: true }).on('error', () => out.write(`could not open a browser (${cmd}); open ${w.url}\n`)).unref();
  }
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void w.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
