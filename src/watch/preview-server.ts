// The preview's HTTP server: loopback only, the page's own assets, the
// current outputs (from memory) and server-sent events; nothing else. A path
// with `..` (plain or percent-encoded), a backslash or an absolute second
// slash is a 404, and a Host header that is not the loopback is refused
// (a page on another site cannot reach the server by DNS rebinding).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontPath } from '../theme/fonts.js';
import { fontStyles } from '../theme/fonts.js';
import { packageDir } from '../util/package-dir.js';
import type { WatchSession } from './watch-session.js';

const require = createRequire(import.meta.url);

interface Asset {
  file: () => string;
  type: string;
}

/** Every file the server may send, by URL: a fixed list, so no request names a file on disk. */
const assets: Record<string, Asset> = Object.assign(Object.create(null) as Record<string, Asset>, {
  '/': { file: () => path.join(packageDir(), 'src/watch/assets/index.html'), type: 'text/html; charset=utf-8' },
  '/assets/preview.js': { file: () => path.join(packageDir(), 'src/watch/assets/preview.js'), type: 'text/javascript; charset=utf-8' },
  '/assets/preview.css': { file: () => path.join(packageDir(), 'src/watch/assets/preview.css'), type: 'text/css; charset=utf-8' },
  '/assets/pdf.mjs': { file: () => require.resolve('pdfjs-dist/build/pdf.min.mjs'), type: 'text/javascript; charset=utf-8' },
  '/assets/pdf.worker.mjs': { file: () => require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), type: 'text/javascript; charset=utf-8' },
  ...Object.fromEntries(fontStyles.map((s) => [`/assets/font-${s}.ttf`, { file: () => fontPath(s), type: 'font/ttf' }])),
});

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The request's Host is this server on the loopback (any other name may be a rebinding attack). */
export function loopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  return !!m && loopbackHosts.has(m[1]!) && (m[2] === undefined ? port === 80 : Number(m[2]) === port);
}

/** A path that could step out of what is served: `..` (also `%2e%2e`, `.%2e`), backslashes, encoded slashes, `//`. */
export function suspiciousPath(rawUrl: string): boolean {
  const pathPart = rawUrl.split(/[?#]/)[0] ?? '';
  if (!pathPart.startsWith('/') || pathPart.startsWith('//')) return true;
  if (/%2e|%2f|%5c|\\|%00/i.test(pathPart)) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return true;
  }
  return decoded.split('/').some((seg) => seg === '..' || seg === '.') || path.isAbsolute(decoded.slice(1)) || /^\/[A-Za-z]:/.test(decoded);
}

const securityHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
};

export interface PreviewServer {
  url: string;
  port: number;
  /**
   * Tell every open page that these documents changed (with the new state,
   * and the new output to a page that shows it). Resolves once that is sent
   * (at most `flushWaitMs` later): the watch builds nothing meanwhile, since
   * a build's synchronous stages would hold the sending back.
   */
  notify(keys: string[]): Promise<void>;
  /** The documents open pages show: the watch builds them first. */
  shown(): Set<string>;
  /**
   * Resolves once each of `keys` that an open page shows has been drawn in
   * its current version by a page (the first page to say so after the frame
   * that shows it), or after `timeoutMs`. The watch waits for this before
   * building what no page shows: that build would take the cores the
   * browser draws with.
   */
  drawn(keys: readonly string[], timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** How long a save's next build waits for the events to leave (they do in a millisecond; a page that stopped reading may not). */
const flushWaitMs = 250;

/** The largest PDF sent along with its event (as base64, a third larger). */
const maxPushedBytes = 8 * 1024 * 1024;

/** The document a page's event stream says it shows (`/events?doc=d0`); none: the first. */
function shownDoc(rawUrl: string): string | undefined {
  return /[?&]doc=(d\d{1,4})(?:&|$)/.exec(rawUrl)?.[1];
}

/** Write to every stream; resolves when all of it is handed to the system, or after `flushWaitMs`. */
function writeAll(writes: [http.ServerResponse, string][]): Promise<void> {
  if (writes.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, flushWaitMs);
    let left = writes.length;
    const one = () => {
      if (--left > 0) return;
      clearTimeout(timer);
      resolve();
    };
    for (const [c, text] of writes) c.write(text, one);
  });
}

export function startPreviewServer(session: WatchSession, port = 0): Promise<PreviewServer> {
  /** Open pages (their event streams), with the document each shows. */
  const clients = new Map<http.ServerResponse, string | undefined>();
  /** The `key:version` whose output each page was last sent. */
  const sent = new Map<http.ServerResponse, string>();
  const shownBy = (k: string | undefined) => k ?? session.docs[0]?.key;
  const shown = () => new Set([...clients.values()].map(shownBy).filter((k): k is string => k !== undefined));
  /**
   * The new output, sent along to each page that shows it: it draws the
   * new version without a request of its own, which would wait behind the
   * next build's synchronous stages.
   */
  const outputEvent = (key: string): string | undefined => {
    const doc = session.docs.find((d) => d.key === key);
    if (!doc) return undefined;
    // A large PDF (pictures) is left for the page to fetch: an event is one string, built whole.
    const output = doc.job.format === 'pdf' ? (doc.pdf && doc.pdf.length <= maxPushedBytes ? { pdf: doc.pdf.toString('base64') } : undefined) : doc.slides ? { slides: doc.slides } : undefined;
    return output ? `event: output\ndata: ${JSON.stringify({ key, version: doc.version, ...output })}\n\n` : undefined;
  };
  /** The newest version of each document a page has said it drew. */
  const drawnVersions = new Map<string, number>();
  /** Each waiting `drawn()`: checks again (`true`: ends, the server closes). */
  const drawnWaiters = new Set<(end?: boolean) => void>();
  const allDrawn = (keys: readonly string[]) => {
    const open = shown();
    return keys.every((k) => !open.has(k) || (drawnVersions.get(k) ?? 0) >= (session.docs.find((d) => d.key === k)?.version ?? 0));
  };
  let actualPort = port;
  const sameOrigin = (origin: string | undefined) => origin === undefined || loopbackHost(origin.replace(/^http:\/\//, ''), actualPort);
  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const notFound = (res: http.ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'not found\n');

  const server = http.createServer((req, res) => {
    if (!loopbackHost(req.headers.host, actualPort)) return send(res, 403, 'text/plain; charset=utf-8', 'refused: this preview answers only to 127.0.0.1 and localhost\n');
    const raw = req.url ?? '/';
    if (suspiciousPath(raw)) return notFound(res);
    const url = raw.split(/[?#]/)[0]!;
    // The one thing a page posts: that it drew a version (only the watch's timing depends on it). Not from another site's page.
    const drawnPost = req.method === 'POST' ? /^\/api\/drawn\/(d\d{1,4})\/(\d{1,9})$/.exec(url) : null;
    if (drawnPost) {
      if (!sameOrigin(req.headers.origin)) return send(res, 403, 'text/plain; charset=utf-8', 'refused: not from this preview\n');
      // A version not built yet (a made-up note, or one from before a replan renumbered the documents) counts for nothing.
      const version = Number(drawnPost[2]);
      if (version <= (session.docs.find((d) => d.key === drawnPost[1])?.version ?? 0)) {
        drawnVersions.set(drawnPost[1]!, Math.max(drawnVersions.get(drawnPost[1]!) ?? 0, version));
        for (const w of [...drawnWaiters]) w();
      }
      res.writeHead(204, securityHeaders);
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    if (url === '/events') {
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write('retry: 500\n\n');
      clients.set(res, shownDoc(raw));
      req.on('close', () => {
        clients.delete(res);
        sent.delete(res);
        // A page that closes waits for nothing.
        for (const w of [...drawnWaiters]) w();
      });
      return;
    }
    if (url === '/favicon.ico') {
      res.writeHead(204, securityHeaders);
      return res.end();
    }
    if (url === '/api/state') return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(session.state()));
    const out = /^\/doc\/(d\d{1,4})\/(\d{1,9})\.(pdf|slides\.json)$/.exec(url);
    if (out) {
      const doc = session.docs.find((d) => d.key === out[1]);
      // Only the current output: an old version's URL is gone.
      if (!doc || doc.version !== Number(out[2])) return notFound(res);
      if (out[3] === 'pdf' && doc.pdf) return send(res, 200, 'application/pdf', doc.pdf);
      if (out[3] === 'slides.json' && doc.slides) return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(doc.slides));
      return notFound(res);
    }
    const asset = Object.hasOwn(assets, url) ? assets[url] : undefined;
    if (!asset) return notFound(res);
    let body: Buffer;
    try {
      body = readFileSync(asset.file());
    } catch {
      return notFound(res);
    }
    return send(res, 200, asset.type, body);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      actualPort = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${actualPort}/`,
        port: actualPort,
        notify(keys) {
          // The state rides with the event: the page draws without asking for it first.
          const msg = `event: update\ndata: ${JSON.stringify({ keys, state: session.state() })}\n\n`;
          // Made only for a page that needs it (a PDF is base64-encoded whole).
          const outputs = new Map<string, string | undefined>();
          const outputOf = (key: string) => {
            if (!outputs.has(key)) outputs.set(key, keys.includes(key) ? outputEvent(key) : undefined);
            return outputs.get(key);
          };
          // A page that shows a changed document gets its output first, then the event that draws it;
          // not again after a failed build, which keeps the version the page has.
          return writeAll(
            [...clients].map(([c, k]) => {
              const key = shownBy(k) ?? '';
              const version = `${key}:${session.docs.find((d) => d.key === key)?.version}`;
              const output = sent.get(c) !== version ? (outputOf(key) ?? '') : '';
              if (output) sent.set(c, version);
              return [c, `${output}${msg}`];
            }),
          );
        },
        shown,
        drawn(keys, timeoutMs) {
          if (allDrawn(keys)) return Promise.resolve();
          return new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              drawnWaiters.delete(check);
              resolve();
            };
            const check = (end?: boolean) => {
              if (end || allDrawn(keys)) done();
            };
            const timer = setTimeout(done, timeoutMs);
            drawnWaiters.add(check);
          });
        },
        close() {
          for (const w of [...drawnWaiters]) w(true);
          for (const c of clients.keys()) c.end();
          clients.clear();
          return new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
