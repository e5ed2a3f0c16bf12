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
  /** Tell every open page that these documents changed (with the new state). */
  notify(keys: string[]): void;
  close(): Promise<void>;
}

export function startPreviewServer(session: WatchSession, port = 0): Promise<PreviewServer> {
  const clients = new Set<http.ServerResponse>();
  let actualPort = port;
  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const notFound = (res: http.ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'not found\n');

  const server = http.createServer((req, res) => {
    if (!loopbackHost(req.headers.host, actualPort)) return send(res, 403, 'text/plain; charset=utf-8', 'refused: this preview answers only to 127.0.0.1 and localhost\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    const raw = req.url ?? '/';
    if (suspiciousPath(raw)) return notFound(res);
    const url = raw.split(/[?#]/)[0]!;
    if (url === '/events') {
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write('retry: 500\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
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
          for (const c of clients) c.write(msg);
        },
        close() {
          for (const c of clients) c.end();
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
