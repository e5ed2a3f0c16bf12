// pdfkit imports AES for encrypted PDFs, which briefdeck never writes, and
// @noble/ciphers builds its tables when loaded (about 10 ms of every
// process's start). Here it loads on first use instead.
'use strict';
let aes;
const load = () => (aes ??= require('@noble/ciphers/aes'));

exports.cbc = (...args) => load().cbc(...args);
exports.ecb = (...args) => load().ecb(...args);
