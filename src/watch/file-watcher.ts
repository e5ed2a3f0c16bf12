// Folders to watch → changed file paths, from node:fs.watch (inotify on
// Linux; recursive there since Node 20.13, which `engines` requires). Only
// the folders a document reads are watched (datasets, templates, the project
// file's folder without its subfolders), never node_modules or out/.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Editor droppings that are not the file being edited (vim's 4913 probe and swap files, backups). */
function ignored(name: string): boolean {
  const base = path.basename(name);
  return base === '4913' || base.endsWith('~') || /\.sw[a-p]$/.test(base) || /^\..*\.tmp$/.test(base) || base.startsWith('.#');
}

export interface FolderWatch {
  dir: string;
  recursive: boolean;
}

export class FileWatcher {
  private watchers = new Map<string, FSWatcher>();
  private closed = false;

  constructor(private readonly onChange: (file: string) => void) {}

  /** How many folders are watched now. */
  get size(): number {
    return this.watchers.size;
  }

  /** Watch exactly these folders (those already watched stay, others are closed). After `close`, nothing. */
  set(folders: readonly FolderWatch[]): void {
    // A build round that ends after Ctrl-C must not watch again: the watcher would keep the process alive.
    if (this.closed) return;
    const wanted = new Map(folders.filter((f) => existsSync(f.dir)).map((f) => [`${f.recursive ? 'r' : 'n'}:${f.dir}`, f]));
    for (const [key, w] of this.watchers) {
      if (wanted.has(key)) continue;
      w.close();
      this.watchers.delete(key);
    }
    for (const [key, f] of wanted) {
      if (this.watchers.has(key)) continue;
      try {
        const w = watch(f.dir, { recursive: f.recursive, persistent: true }, (_event, name) => {
          if (name && !ignored(String(name))) this.onChange(path.join(f.dir, String(name)));
        });
        // A folder removed while watched: its watcher ends; a replan watches it again if it comes back.
        w.on('error', () => {
          w.close();
          this.watchers.delete(key);
        });
        this.watchers.set(key, w);
      } catch {
        // Not watchable (gone between the check and the call): nothing changes there to rebuild for.
      }
    }
  }

  /** Stop watching, for good. */
  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
