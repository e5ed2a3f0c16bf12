// The bundles swap some of their libraries' work for native equivalents
// (scripts/bundle.mjs: Unicode tables inflated by zlib, AES loaded on first
// use, yazl's deflates a few at a time, CRC-32 and base64 for the zip
// libraries): each must behave as what it replaces, and the bundle must
// write what the sources write.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib, { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { root } from '../helpers.js';

const require = createRequire(import.meta.url);
const tinyInflate = require('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const nativeInflate = require('../../src/bin/tiny-inflate-native.cjs') as typeof tinyInflate;

describe('tiny-inflate on zlib', () => {
  const text = Buffer.from('Kim ngạch thương mại song phương đạt 171,9 tỷ USD. '.repeat(400));
  const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251));
  it.each([['text', text], ['bytes that barely compress', random]])('inflates %s as tiny-inflate does', (_, data) => {
    const packed = deflateRawSync(data);
    const ours = nativeInflate(packed, new Uint8Array(data.length));
    expect(Buffer.from(ours).equals(data)).toBe(true);
    expect(Buffer.from(ours).equals(Buffer.from(tinyInflate(packed, new Uint8Array(data.length))))).toBe(true);
  });
  it('returns only the part filled when the data is shorter than the room given', () => {
    const packed = deflateRawSync(text);
    const ours = nativeInflate(packed, new Uint8Array(text.length + 10));
    expect(ours.length).toBe(text.length);
    expect(ours.length).toBe(tinyInflate(packed, new Uint8Array(text.length + 10)).length);
  });
  it('throws on data that is not DEFLATE, as tiny-inflate does', () => {
    const junk = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    expect(() => tinyInflate(junk, new Uint8Array(64))).toThrow();
    expect(() => nativeInflate(junk, new Uint8Array(64))).toThrow();
  });
});

describe('AES loaded on first use', () => {
  it('is not loaded until first used', () => {
    const loaded = () => Object.keys(require.cache).some((k) => /@noble[\\/]ciphers[\\/]aes\.js$/.test(k));
    const lazy = require('../../src/bin/lazy-aes.cjs') as typeof import('@noble/ciphers/aes');
    expect(loaded()).toBe(false);
    lazy.ecb(new Uint8Array(16));
    expect(loaded()).toBe(true);
  });
  it('encrypts as @noble/ciphers does', () => {
    const lazy = require('../../src/bin/lazy-aes.cjs') as typeof import('@noble/ciphers/aes');
    const real = require('@noble/ciphers/aes') as typeof import('@noble/ciphers/aes');
    const key = new Uint8Array(16).fill(7);
    const iv = new Uint8Array(16).fill(3);
    const data = new TextEncoder().encode('briefdeck never encrypts, but pdfkit may');
    expect(lazy.cbc(key, iv).encrypt(data)).toEqual(real.cbc(key, iv).encrypt(data));
    expect(lazy.ecb(key).encrypt(data)).toEqual(real.ecb(key).encrypt(data));
  });
});

describe("yazl's deflates, a few at a time", () => {
  it('deflates as zlib does, never more than four at once, each result to its own caller', async () => {
    const limited = require('../../src/bin/yazl-zlib.cjs') as { deflateRaw: (b: Buffer, o: object, cb: (e: Error | null, r: Buffer) => void) => void };
    let now = 0;
    let most = 0;
    const real = zlib.deflateRaw;
    const spy = vi.spyOn(zlib, 'deflateRaw').mockImplementation(((b: Buffer, o: object, cb: (e: Error | null, r: Buffer) => void) => {
      most = Math.max(most, ++now);
      real(b, o, (e, r) => {
        now--;
        cb(e, r);
      });
    }) as never);
    try {
      const parts = Array.from({ length: 40 }, (_, i) => Buffer.from(`<p:sld n="${i}">${'x'.repeat(i * 100)}</p:sld>`));
      const out = await Promise.all(parts.map((p) => new Promise<Buffer>((resolve, reject) => limited.deflateRaw(p, { level: 6 }, (e, r) => (e ? reject(e) : resolve(r))))));
      expect(out.map((o) => inflateRawSync(o).toString())).toEqual(parts.map((p) => p.toString()));
      expect(out.map((o) => o.equals(deflateRawSync(parts[out.indexOf(o)]!, { level: 6 })))).toEqual(parts.map(() => true));
      expect(spy).toHaveBeenCalledTimes(40);
      expect(most).toBeLessThanOrEqual(4);
      expect(most).toBeGreaterThan(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('CRC-32 and base64 for the zip libraries, natively', () => {
  const bufferCrc32 = require('buffer-crc32') as ((b: unknown, p?: unknown) => Buffer) & { signed: (b: unknown, p?: unknown) => number; unsigned: (b: unknown, p?: unknown) => number };
  const ourBufferCrc32 = require('../../src/bin/buffer-crc32-native.cjs') as typeof bufferCrc32;
  const jszipCrc32 = require('jszip/lib/crc32') as (input: unknown, crc?: number) => number;
  const ourJszipCrc32 = require('../../src/bin/jszip-crc32-native.cjs') as typeof jszipCrc32;
  const jszipBase64 = require('jszip/lib/base64') as { encode: (i: unknown) => string; decode: (s: string) => Uint8Array };
  const ourBase64 = require('../../src/bin/jszip-base64-native.cjs') as typeof jszipBase64;
  const bytes = Buffer.from('<c:chartSpace>Kim ngạch 171,9 tỷ USD</c:chartSpace>'.repeat(50));
  const binary = bytes.toString('latin1');

  it("gives buffer-crc32's results (yazl's)", () => {
    for (const input of [bytes, 'Kim ngạch', 16, Buffer.alloc(0)]) {
      expect(ourBufferCrc32(input).equals(bufferCrc32(input))).toBe(true);
      expect(ourBufferCrc32.signed(input)).toBe(bufferCrc32.signed(input));
      expect(ourBufferCrc32.unsigned(input)).toBe(bufferCrc32.unsigned(input));
      // Chained, with the earlier CRC as a number or as its Buffer.
      expect(ourBufferCrc32.unsigned(input, 123456789)).toBe(bufferCrc32.unsigned(input, 123456789));
      expect(ourBufferCrc32.unsigned(input, bufferCrc32(bytes))).toBe(bufferCrc32.unsigned(input, bufferCrc32(bytes)));
    }
    expect(() => ourBufferCrc32({})).toThrow(/input must be buffer/);
  });

  it("gives JSZip's results for inputs it does not take the native way", () => {
    const odd = [new ArrayBuffer(3), [300, -1, 5], '\u0100ab', new Uint16Array([300, 5, 70000])];
    for (const input of odd) {
      expect(ourBase64.encode(input)).toBe(jszipBase64.encode(input));
      expect(ourJszipCrc32(input)).toBe(jszipCrc32(input));
    }
    // Base64 that is not in canonical form: JSZip's own reading of it.
    for (const text of ['QQ==QQ==', 'A===', 'AAAA====', 'QU\nJD', 'QUJDRA==']) expect(ourBase64.decode(text)).toEqual(jszipBase64.decode(text));
  });

  it("gives JSZip's CRC-32 for binary strings and arrays, chained, and 0 for empty input", () => {
    for (const input of [binary, new Uint8Array(bytes), [...bytes.subarray(0, 300)], bytes]) {
      expect(ourJszipCrc32(input)).toBe(jszipCrc32(input));
      const first = jszipCrc32(input);
      expect(ourJszipCrc32(input, first)).toBe(jszipCrc32(input, first));
    }
    expect(ourJszipCrc32('', 12345)).toBe(jszipCrc32('', 12345));
    expect(ourJszipCrc32(undefined)).toBe(jszipCrc32(undefined));
  });

  it("gives JSZip's base64 both ways, and its errors", () => {
    for (const input of [binary, new Uint8Array(bytes), [...bytes.subarray(0, 301)], bytes.subarray(7, 9), '']) {
      const encoded = jszipBase64.encode(input);
      expect(ourBase64.encode(input)).toBe(encoded);
      expect(ourBase64.decode(encoded)).toEqual(jszipBase64.decode(encoded));
    }
    const wrapped = `${jszipBase64.encode(bytes).replace(/(.{76})/g, '$1\n')}\n`;
    expect(ourBase64.decode(wrapped)).toEqual(jszipBase64.decode(wrapped));
    expect(() => ourBase64.decode('data:image/png;base64,AAAA')).toThrow('it looks like a data url');
    expect(() => jszipBase64.decode('abcde')).toThrow('bad content length');
    expect(() => ourBase64.decode('abcde')).toThrow('bad content length');
  });
});

describe('the deck writer bundle', () => {
  it('holds no fonts: the caller draws its pictures', () => {
    const bundle = readFileSync(path.join(root, 'dist', 'pptx-writer.cjs'), 'latin1');
    // fontkit's and brotli's own names; the main bundle has them, this one must not load them again.
    expect(bundle).not.toMatch(/unicode-properties|BrotliDecompress|fontkit/i);
    // The native CRC-32 and base64 are the ones bundled: buffer-crc32's table is not, the stand-in's canonical-base64 test is.
    expect(bundle).not.toContain('1996959894');
    expect(bundle).toContain('(?:[A-Za-z0-9+/]{4})*');
    expect(bundle.length).toBeLessThan(700_000);
  });

  it('writes, from the bundle, the bytes the sources write (the example brief and deck)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bundle-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'build', '--quiet', '--force', '--out', out], { cwd: root, stdio: 'ignore' });
      const req = (template: string) => ({ templatesDir: path.join(root, 'templates'), template, dataDir: path.join(root, 'data', 'vietnam-china'), outDir: out });
      const deck = await buildPptx(req('deck'), { write: false });
      const brief = await buildPdf(req('brief'), { write: false });
      expect(readFileSync(path.join(out, 'vietnam-china-deck.pptx')).equals(deck.pptx!)).toBe(true);
      expect(readFileSync(path.join(out, 'vietnam-china-brief.pdf')).equals(brief.pdf!)).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
