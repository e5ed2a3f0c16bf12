// The watch's file watcher: once closed, it watches nothing again, even when
// a build round that was running at Ctrl-C asks it to (a watcher opened then
// kept the process alive after the preview server had closed).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWatcher } from '../../src/watch/file-watcher.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-file-watcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FileWatcher', () => {
  it('watches the folders it is given, and none after close, whatever it is given then', () => {
    const w = new FileWatcher(() => {});
    w.set([{ dir, recursive: true }]);
    expect(w.size).toBe(1);
    w.close();
    expect(w.size).toBe(0);
    w.set([{ dir, recursive: true }]);
    expect(w.size).toBe(0);
  });
});
