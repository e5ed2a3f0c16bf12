// JSZip's lib/crc32.js, natively (see crc32-native.cjs).
'use strict';
module.exports = require('./crc32-native.cjs').jszipCrc32;
