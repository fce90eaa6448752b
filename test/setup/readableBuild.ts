/** Jest setup of the "readable build" project: the tests that run a built script run the readable builds. */
import { join } from 'node:path';

process.env.HWC_AUTH_SCRIPT = join(__dirname, '..', '..', 'dist', 'prerequest.readable.js');
process.env.HWC_AUTH_POST_RESPONSE_SCRIPT = join(__dirname, '..', '..', 'dist', 'postresponse.readable.js');
