// Node's zlib for yazl, with at most four deflates at a time. yazl starts
// deflating each buffer as it is added, and every deflate holds a native
// zlib context (about 300 KB) until it ends: a 63-slide deck with 40 charts
// has 380 parts, and writing it held 65–80 MiB more at the end of a build.
// Four is libuv's thread pool: the deflates still run in parallel, and yazl
// writes the entries in the order they were added, whatever order they end in.
'use strict';
const zlib = require('node:zlib');

const inFlight = 4;
const waiting = [];
let running = 0;

function next() {
  while (running < inFlight && waiting.length > 0) {
    const { buffer, options, callback } = waiting.shift();
    running++;
    zlib.deflateRaw(buffer, options, (err, result) => {
      running--;
      next();
      callback(err, result);
    });
  }
}

module.exports = {
  DeflateRaw: zlib.DeflateRaw,
  deflateRaw(buffer, options, callback) {
    waiting.push({ buffer, options, callback });
    next();
  },
};
