// Throwaway projects for the watch tests: the example (data/vietnam-china with
// its templates and briefdeck.yaml) or the standard fixture's invented
// chile-korea dataset with the standard templates; and raw HTTP requests.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fixtures, root } from '../helpers.js';

export function exampleProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-watch-'));
  cpSync(path.join(root, 'data', 'vietnam-china'), path.join(dir, 'data', 'vietnam-china'), { recursive: true });
  cpSync(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(path.join(root, 'briefdeck.yaml'), path.join(dir, 'briefdeck.yaml'));
  return dir;
}

/** No briefdeck.yaml: `--data data/chile-korea` gets the standard brief and deck. */
export function standardProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-watch-'));
  cpSync(path.join(fixtures, 'standard', 'data'), path.join(dir, 'data', 'chile-korea'), { recursive: true });
  return dir;
}

/** Replace `from` (must occur) with `to`, as an editor saves. */
export function save(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** A GET with the path sent as written (no normalising) and any Host header. */
export function rawGet(port: number, rawPath: string, host = `127.0.0.1:${port}`, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers: { host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}
