// How many workers a batch starts (src/batch/worker-pool.ts): `--jobs N`
// starts N at once; by default a small batch starts one, and another only
// when what is left would keep each running worker busy past a second.
import { describe, expect, it } from 'vitest';
import { initialWorkers, widens } from '../../src/batch/worker-pool.js';

describe('workers of a batch', () => {
  it('start all at once with --jobs, or by default for 4 datasets or more; one for a smaller batch', () => {
    expect(initialWorkers(2, 4, false)).toBe(4);
    expect(initialWorkers(2, 2, true)).toBe(1);
    expect(initialWorkers(3, 2, true)).toBe(1);
    expect(initialWorkers(4, 2, true)).toBe(2);
    expect(initialWorkers(100, 8, true)).toBe(8);
  });

  it('grow when the documents built so far show enough left to do, never past the limit', () => {
    const base = { lanes: 1, workers: 2, datasetsLeft: 2, documentsLeft: 4, built: 1 };
    // Small documents (200 ms each): 0.8 s left, not worth a worker.
    expect(widens({ ...base, builtMs: 200 })).toBe(false);
    // Large documents (2 s each): 8 s left.
    expect(widens({ ...base, builtMs: 2000 })).toBe(true);
    // Nothing built yet: nothing to go by.
    expect(widens({ ...base, built: 0, builtMs: 0 })).toBe(false);
    // One dataset left: its documents stay on one worker anyway.
    expect(widens({ ...base, datasetsLeft: 1, builtMs: 2000 })).toBe(false);
    // Already at the limit.
    expect(widens({ ...base, lanes: 2, builtMs: 2000 })).toBe(false);
    // Split over the workers running: 4 × 400 ms over 2 is 0.8 s each.
    expect(widens({ ...base, lanes: 2, workers: 3, builtMs: 400 })).toBe(false);
  });
});
