// CRC-32 on Node's zlib (native) for the two zip libraries of the deck
// writer, which compute it a byte at a time in JavaScript. Each export
// gives its library's result for every input its library takes:
// tests/bin/bundle-shims.test.ts compares them.
'use strict';
const { crc32 } = require('node:zlib');

/** As buffer-crc32 (yazl's): Buffer, string (UTF-8) or a length of zeros; `previous` a number or a 4-byte Buffer. */
function bufferCrc32Of(input, previous) {
  const buf = Buffer.isBuffer(input) ? input : typeof input === 'number' ? Buffer.alloc(input) : typeof input === 'string' ? Buffer.from(input) : undefined;
  if (!buf) throw new Error(`input must be buffer, number, or string, received ${typeof input}`);
  const prev = Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : ~~previous >>> 0;
  return crc32(buf, prev);
}

function bufferCrc32(input, previous) {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(bufferCrc32Of(input, previous), 0);
  return out;
}
bufferCrc32.signed = (input, previous) => bufferCrc32Of(input, previous) | 0;
bufferCrc32.unsigned = (input, previous) => bufferCrc32Of(input, previous);

/**
 * As JSZip's lib/crc32.js: a binary string (one byte a character: JSZip
 * takes the low 8 bits of each, as latin1 does) or an array of bytes (the
 * low 8 bits of each element, as Buffer.from does); signed; 0 for empty
 * input, whatever `crc` was.
 */
function jszipCrc32(input, crc) {
  if (typeof input === 'undefined' || !input.length) return 0;
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input instanceof Uint8Array ? input : Buffer.from(input);
  return crc32(bytes, (crc | 0) >>> 0) | 0;
}

module.exports = { bufferCrc32, jszipCrc32 };
