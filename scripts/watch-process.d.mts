// Types of watch-process.mjs, for the tests that import it.
export interface WatchProcess {
  url: string;
  /** The version of document `key` (d0, d1, …) the server shows. */
  version(key: string): Promise<number>;
  close(): Promise<unknown>;
}
export function startWatchProcess(dir: string): Promise<WatchProcess>;
