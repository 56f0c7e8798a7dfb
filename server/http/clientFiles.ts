import { join } from 'node:path';
import { constants } from 'node:zlib';
import compression from 'compression';
import express, { type Router } from 'express';

/** What the bundler writes under assets/: names that carry a hash of their content. */
const HASHED_BUNDLE = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.(js|css)$/;

/**
 * The built client, compressed (brotli where the browser accepts it, gzip otherwise) and cached by
 * what each file is: a hashed bundle never changes under its name, so browsers keep it a year
 * without asking; index.html names the current bundles, so it is revalidated on every visit and a
 * release reaches players on their next load; the art (unhashed) is kept an hour. Only the client
 * is compressed here: the API's replies are small and their headers are the routes' own.
 */
export function clientFiles(clientDir: string): Router {
  const router = express.Router();
  // Brotli quality 5, not the middleware's 4: on the JavaScript before the menu, 295 KB instead of
  // 318 KB (no better than gzip) for about 40 ms of compression per first visit; later visits hit
  // the browser's cache. Quality 11 (261 KB) takes seconds: it belongs in a build step.
  router.use(compression({ threshold: 1024, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } }));
  router.use(
    express.static(clientDir, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders(res, path) {
        if (HASHED_BUNDLE.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else if (path === join(clientDir, 'index.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
