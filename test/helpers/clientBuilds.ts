import { join } from 'node:path';
import { CLIENT_OUT } from '../../vite.config.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The test build (vite build --mode test): the only one with window.__crisisDrill. Test servers serve it. */
export const TEST_CLIENT_DIR = join(ROOT, CLIENT_OUT.test);
/** What players get (vite build). */
export const PRODUCTION_CLIENT_DIR = join(ROOT, CLIENT_OUT.production);
