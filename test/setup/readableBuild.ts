/** Jest setup of the "readable build" project: the tests that run a built script run dist/prerequest.readable.js. */
import { join } from 'node:path';

process.env.HWC_AUTH_SCRIPT = join(__dirname, '..', '..', 'dist', 'prerequest.readable.js');
