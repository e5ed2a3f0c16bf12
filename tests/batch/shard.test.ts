// `--shard K/N`: N disjoint shares that cover the batch, equal to one
// document, the same on every machine.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/batch/job.js';
import { parseShard, shardJobs } from '../../src/batch/shard.js';
import { deckSaysPptx, makeProject, remove, runHere } from '../cli/run-cli.js';

const job = (data: string, template: string): Job => ({ data: path.join('/p', 'data', data), template, format: template === 'deck' ? 'pptx' : 'pdf', diagnostics: [] });

describe('shardJobs', () => {
  const jobs = ['kenya', 'chile', 'peru', 'viet-nam', 'japan', 'korea', 'brazil'].flatMap((d) => [job(d, 'brief'), job(d, 'deck')]);

  it.each([1, 2, 3, 5, 14, 20])('%i shares are disjoint, cover the batch and differ by at most one document', (n) => {
    const shares = Array.from({ length: n }, (_, k) => shardJobs(jobs, { index: k + 1, count: n }, '/p'));
    const all = shares.flat();
    expect(all).toHaveLength(jobs.length);
    expect(new Set(all)).toEqual(new Set(jobs));
    const sizes = shares.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('does not depend on the order of the plan, and keeps plan order within a share', async () => {
    const a = shardJobs(jobs, { index: 2, count: 3 }, '/p');
    const b = shardJobs([...jobs].reverse(), { index: 2, count: 3 }, '/p');
    expect(new Set(a)).toEqual(new Set(b));
    expect(a.map((j) => jobs.indexOf(j))).toEqual([...a.map((j) => jobs.indexOf(j))].sort((x, y) => x - y));
  });

  it('parses K/N and refuses the rest', async () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/4/2', '-1/4']) expect(typeof parseShard(bad)).toBe('string');
  });
});

describe('build --shard', () => {
  it('three machines with --shard 1/3, 2/3, 3/3 build every document once', async () => {
    const dir = makeProject(['a', 'b', 'c', 'd'], 'documents:\n  - data: data/*\n    template: [brief, deck]\n');
    deckSaysPptx(dir);
    const built: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await runHere(dir, 'build', '--shard', `${k}/3`, '--out', `out-${k}`);
      expect(r.code).toBe(0);
      built.push(...readdirSync(path.join(dir, `out-${k}`)));
    }
    expect(built.sort()).toEqual(['a', 'b', 'c', 'd'].flatMap((d) => [`${d}-brief.pdf`, `${d}-deck.pptx`]).sort());
    const bad = await runHere(dir, 'build', '--shard', '4/3');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard K/N needs 1 ≤ K ≤ N, found 4/3');
    remove(dir);
  });
});
