import type { NextFunction, Request, Response } from 'express';

type Log = { error(message: string): void };

/** What body-parser says about a body it would not read, in the API's words. */
function bodyRefusal(err: { type?: string; status?: number }): { status: number; code: string; message: string } | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'bad-request', message: 'the body is not valid JSON (an object is expected)' };
    case 'entity.too.large':
      return { status: 413, code: 'body-too-large', message: 'the body is too large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'bad-request', message: 'the body must be UTF-8 JSON' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, code: 'bad-request', message: 'the body could not be read' };
  }
  return undefined;
}

/** The last plain handler under /api: a route nobody answered is a JSON 404, not an HTML page. */
export function apiNotFound(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'not-found', message: `no route ${req.method} /api${req.path}` } });
}

/**
 * The error handler under /api: any error becomes `{ error: { code, message } }` (docs/protocol.md),
 * never Express's HTML page; no stack trace or file path ever reaches a client. An unexpected error
 * is logged in full for the operator and answered with a plain 500. (A plain function: Express
 * passes errors only to handlers of four arguments, never to a Router.)
 */
export function apiErrors(log: Log) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = (err ?? {}) as { type?: string; status?: number; stack?: string };
    const refusal = bodyRefusal(e);
    if (!refusal) log.error(`HTTP ${req.method} ${req.originalUrl.split('?')[0]} failed: ${e.stack ?? String(err)}`);
    if (res.headersSent) return void res.end();
    const { status, code, message } = refusal ?? { status: 500, code: 'internal', message: 'the server could not answer this request; it has been logged' };
    res.status(status).json({ error: { code, message } });
  };
}

/** Outside /api (the built client's files): a plain answer, never a stack trace. */
export function siteErrors(log: Log) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = (err ?? {}) as { status?: number; stack?: string };
    const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
    if (status === 500) log.error(`HTTP ${req.method} ${req.path} failed: ${e.stack ?? String(err)}`);
    if (res.headersSent) return void res.end();
    res.status(status).type('text/plain').send(status === 404 ? 'Not found' : status === 500 ? 'Server error' : 'Bad request');
  };
}
