// buffer-crc32 (yazl's), natively (see crc32-native.cjs).
'use strict';
module.exports = require('./crc32-native.cjs').bufferCrc32;
