// tiny-inflate's function on Node's own zlib. fontkit, unicode-properties
// and linebreak inflate their Unicode tables (about 200 KB) at load; in
// JavaScript that was about 30 ms of every process's start, in zlib it is
// under 1 ms. Same contract: raw DEFLATE from `source` into `dest`,
// returning `dest`, or the part of it filled when the data is shorter.
// (CommonJS: unicode-trie require()s the function itself.)
'use strict';
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  // No more than the room given (tiny-inflate writes no further): data that would inflate past it is an error, not a flood of memory.
  const out = inflateRawSync(source, { maxOutputLength: Math.max(1, dest.length) });
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  return n < dest.length ? dest.slice(0, n) : dest;
};
