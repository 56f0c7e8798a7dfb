import express, { type Request, type Response, type Router } from 'express';
import { buildDebrief, debriefForPost } from '../../shared/debrief/buildDebrief.js';
import { summarizeSurveys } from '../../shared/debrief/summarizeSurveys.js';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n/text.js';
import { SurveySubmissionSchema } from '../../shared/protocol/survey.js';
import { decisionsCsv } from '../report/decisionsCsv.js';
import { openDrill, type OpenedDrill } from '../report/reportAccess.js';
import { renderReportHtml } from '../report/renderReportHtml.js';
import type { ServerServices } from '../services.js';
import type { DebriefAnswer } from '../../shared/protocol/httpAnswers.js';

/** One answer for an unknown drill and a wrong token alike, so a guesser learns nothing. */
const NOT_FOUND = { error: { code: 'not-found', message: 'no such report' } };

/** Secret-bearing pages: not cached, not indexed, their address not sent on to other sites. */
function privateHeaders(res: Response): void {
  res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex', 'X-Content-Type-Options': 'nosniff' });
}

const localeOf = (req: Request): Locale => (req.query.lang === 'en' ? 'en' : req.query.lang === 'zh-CN' ? 'zh-CN' : DEFAULT_LOCALE);

/**
 * The debrief, the after-action report (HTML, CSV, JSON) and the survey of a finished drill.
 * The report token in the link is the key: only the trainer and the drill's players get it.
 */
export function reportRoutes(services: ServerServices): Router {
  const router = express.Router();

  /** Runs a handler on the drill the id and token open, or answers 404. */
  const withDrill = (handler: (drill: OpenedDrill, req: Request, res: Response) => void | Promise<void>) => async (req: Request, res: Response) => {
    privateHeaders(res);
    const token = req.method === 'POST' ? (req.body as { token?: unknown } | undefined)?.token : req.query.token;
    const drill = await openDrill(services, String(req.params.id), token);
    if (!drill) {
      res.status(404).json(NOT_FOUND);
      return;
    }
    await handler(drill, req, res);
  };

  const built = (drill: OpenedDrill) => buildDebrief(drill.scenario, drill.record);

  router.get(
    '/drills/:id/debrief',
    withDrill((drill, req, res) => {
      const { debrief } = built(drill);
      const post = req.query.post;
      if (post !== undefined && (typeof post !== 'string' || !debrief.posts.some((p) => p.id === post))) {
        res.status(400).json({ error: { code: 'unknown-post', message: `this drill has no post "${String(post)}"` } });
        return;
      }
      const answer: DebriefAnswer = { drill: summaryOf(drill), debrief: post ? debriefForPost(debrief, post) : debrief };
      res.json(answer);
    }),
  );

  router.get(
    '/drills/:id/report',
    withDrill(async (drill, req, res) => {
      const locale = localeOf(req);
      const token = encodeURIComponent(String(req.query.token));
      const base = `/api/drills/${encodeURIComponent(drill.record.id)}`;
      const html = renderReportHtml({
        record: drill.record,
        debrief: built(drill).debrief,
        surveys: summarizeSurveys(await services.store.listSurveys(drill.record.id)),
        scenarioChanged: drill.scenarioChanged,
        locale,
        links: {
          csv: `${base}/report.csv?token=${token}&lang=${locale}`,
          json: `${base}/report.json?token=${token}`,
          otherLanguage: `${base}/report?token=${token}&lang=${locale === 'en' ? 'zh-CN' : 'en'}`,
        },
      });
      // Everything is inline and nothing runs: the policy keeps an injected tag inert as well.
      res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
      res.type('text/html; charset=utf-8').send(html);
    }),
  );

  router.get(
    '/drills/:id/report.csv',
    withDrill((drill, req, res) => {
      const locale = localeOf(req);
      res.type('text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="drill-${drill.record.id}-decisions-${locale}.csv"`);
      res.send(decisionsCsv(built(drill).debrief, locale, drill.record.inputs));
    }),
  );

  router.get(
    '/drills/:id/report.json',
    withDrill(async (drill, _req, res) => {
      const { debrief, scores, rejected } = built(drill);
      const surveys = await services.store.listSurveys(drill.record.id);
      const { reportToken: _secret, ...record } = drill.record;
      res.set('Content-Disposition', `attachment; filename="drill-${drill.record.id}.json"`);
      res.json({
        record,
        // The replay agrees with what was stored: same scores, no refused input, same rules.
        verified: !drill.scenarioChanged && rejected === 0 && JSON.stringify(scores) === JSON.stringify(drill.record.scores),
        debrief,
        surveys,
        surveySummary: summarizeSurveys(surveys),
      });
    }),
  );

  router.post(
    '/drills/:id/survey',
    express.json({ limit: '16kb' }),
    withDrill(async (drill, req, res) => {
      const parsed = SurveySubmissionSchema.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        res.status(400).json({ error: { code: 'bad-request', message: `${issue.path.join('.') || 'body'}: ${issue.message}` } });
        return;
      }
      const { name, post, answers } = parsed.data;
      if (post !== null && !drill.scenario.posts.some((p) => p.id === post)) {
        res.status(400).json({ error: { code: 'unknown-post', message: `this drill has no post "${post}"` } });
        return;
      }
      await services.store.saveSurvey(drill.record.id, name, post, answers, new Date());
      res.status(201).json({ ok: true });
    }),
  );

  return router;
}

function summaryOf({ record }: OpenedDrill) {
  return { id: record.id, mode: record.mode, team: record.team, scenarioId: record.scenarioId, startedAt: record.startedAt, finishedAt: record.finishedAt };
}
