// JSZip's lib/base64.js on Node's Buffer (native) for what pptxgenjs gives
// it: each chart's workbook goes through base64 and back, which JSZip does a
// character at a time in JavaScript. Input of any other form (a string with
// characters above U+00FF, an ArrayBuffer, an array of numbers, base64
// that is not in canonical form) goes to JSZip's own code, so the results
// are JSZip's in every case.
'use strict';
const jszipBase64 = require('jszip/lib/base64');

exports.encode = function encode(input) {
  if (typeof input === 'string' && !/[^\x00-\xff]/.test(input)) return Buffer.from(input, 'latin1').toString('base64');
  if (input instanceof Uint8Array) return Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('base64');
  return jszipBase64.encode(input);
};

/** Canonical base64: whole quads, `=` only as the last one or two characters. */
const canonical = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

exports.decode = function decode(input) {
  if (typeof input === 'string' && input.substr(0, 5) !== 'data:') {
    // JSZip drops every other character first (line breaks, spaces).
    const clean = input.replace(/[^A-Za-z0-9+/=]/g, '');
    if (canonical.test(clean)) return new Uint8Array(Buffer.from(clean, 'base64'));
  }
  return jszipBase64.decode(input);
};
