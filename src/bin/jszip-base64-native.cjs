// JSZip's lib/base64.js on Node's Buffer (native). pptxgenjs passes each
// chart's workbook through base64 and back; JSZip does it a character at a
// time in JavaScript. Same contract: `encode` takes a binary string or an
// array of bytes; `decode` refuses a data URL and a bad length as JSZip
// does, ignores other characters, and returns a Uint8Array.
'use strict';

exports.encode = function encode(input) {
  if (typeof input === 'string') return Buffer.from(input, 'latin1').toString('base64');
  return (ArrayBuffer.isView(input) ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : Buffer.from(input)).toString('base64');
};

exports.decode = function decode(input) {
  if (input.substr(0, 5) === 'data:') throw new Error('Invalid base64 input, it looks like a data url.');
  const clean = input.replace(/[^A-Za-z0-9+/=]/g, '');
  let length = (clean.length * 3) / 4;
  if (clean.charAt(clean.length - 1) === '=') length--;
  if (clean.charAt(clean.length - 2) === '=') length--;
  if (length % 1 !== 0) throw new Error('Invalid base64 input, bad content length.');
  return new Uint8Array(Buffer.from(clean, 'base64'));
};
