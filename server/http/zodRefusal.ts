import type { Response } from 'express';
import type { ZodError } from 'zod';

/** Answers 400 with the first problem zod found, in the API's `{ error: { code, message } }` shape. */
export function refuseBadRequest(res: Response, error: ZodError, what = 'body'): void {
  const issue = error.issues[0]!;
  res.status(400).json({ error: { code: 'bad-request', message: `${issue.path.join('.') || what}: ${issue.message}` } });
}
