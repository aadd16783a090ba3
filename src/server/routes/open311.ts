import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_TIME_ZONE } from '../../domain/volunteers/time';
import { stageLabel } from '../../features/volunteers/format';
import { LANGS, translate, type Lang } from '../../i18n';
import { findApiKey } from '../auth/apiKeys';
import type { ServerContext } from '../context';
import { HttpError } from '../errors';
import { AnswerCache } from '../open311/answerCache';
import { RequestCommitQueue } from '../open311/groupCommit';
import { Locator } from '../open311/locate';
import { filterOf, langOf, REQUESTS_QUERY_SCHEMA, type RequestsQuery } from '../open311/query';
import { KeyRateLimiter } from '../open311/rateLimit';
import { requestsXml, REQUESTS_RESPONSE_SCHEMA, servicesXml, toOpen311Requests, type View } from '../open311/serialize';
import { ServiceCatalogue } from '../open311/services';
import { newRequestOf, SUBMIT_BODY_SCHEMA, type SubmitBody } from '../open311/submit';
import type { ApiKey } from '../store/types';
import '../../i18n/all';

type Format = 'json' | 'xml';
const DAY_MS = 86_400_000;
const BASE = '/open311/v2';

function formatOf(request: FastifyRequest): Format {
  const { format } = request.params as { format: string };
  if (format === 'json' || format === 'xml') return format;
  throw new HttpError(404, `no format ${JSON.stringify(format)}: GeoReport v2 answers in .json or .xml`);
}

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  reply.code(status);
  if (format === 'xml') return reply.type('application/xml; charset=utf-8').send(xml());
  return reply.type('application/json; charset=utf-8').send(json);
}

/** An answer already serialised (JSON through the route's response schema, or XML). */
function sendText(reply: FastifyReply, format: Format, body: Buffer) {
  return reply
    .code(200)
    .type(format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8')
    .send(body);
}

const plainKey = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) under /open311/v2/: the
 * services, the requests (GET with the spec's filters, POST with an API key) and one request
 * by id, each in JSON and XML. Our workflow stage and compound travel as extension fields.
 * A public answer never carries reporters, request texts or exact positions.
 */
export async function open311Routes(app: FastifyInstance, ctx: ServerContext) {
  const services = new ServiceCatalogue(ctx.dataset);
  const locator = new Locator(ctx.dataset);
  const limiter = new KeyRateLimiter(ctx.config.open311PerKeyPerMinute, () => ctx.now().getTime());
  const timeZone = ctx.dataset.manifest.timezone ?? DEFAULT_TIME_ZONE;
  // The service list never changes while the server runs: serialise it once per language.
  const servicesAnswer = Object.fromEntries(
    LANGS.map((lang) => [lang, { json: JSON.stringify(services.list(lang)), xml: servicesXml(services.list(lang)) }]),
  ) as Record<Lang, { json: string; xml: string }>;
  const keys = new WeakMap<FastifyRequest, ApiKey>();
  const commits = new RequestCommitQueue(ctx.store);
  const answers = new AnswerCache(ctx.store);
  // What a new request is told: it always starts at the first stage, with the cycle's limit.
  const notices = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      translate(lang, 'open311.notice.received', { stage: stageLabel((k, vars) => translate(lang, k, vars), 'collect'), days: ctx.config.workflow.cycleDays }),
    ]),
  ) as Record<Lang, string>;

  /** The API key record of a request, null without a key; 403 for a key that is unknown or revoked. */
  const keyOf = (request: FastifyRequest): ApiKey | null => {
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    const plain = plainKey(body.api_key) ?? plainKey((request.query as Record<string, unknown>).api_key);
    if (plain === undefined) return null;
    const key = findApiKey(ctx.store, plain);
    if (!key) throw new HttpError(403, 'api_key is unknown or revoked');
    return key;
  };
  const viewOf = (request: FastifyRequest): View => ({ lang: langOf(request), trusted: keyOf(request) !== null, timeZone });

  app.get(
    `${BASE}/services.:format`,
    {
      schema: { querystring: { type: 'object', properties: { lang: { type: 'string', maxLength: 16 }, jurisdiction_id: { type: 'string', maxLength: 200 } } } },
    },
    async (request, reply) => {
      const format = formatOf(request);
      const answer = servicesAnswer[langOf(request)];
      reply.header('Cache-Control', 'public, max-age=300');
      if (format === 'xml') return reply.type('application/xml; charset=utf-8').send(answer.xml);
      return reply.type('application/json; charset=utf-8').send(answer.json);
    },
  );

  app.get(
    `${BASE}/requests.:format`,
    { schema: { querystring: REQUESTS_QUERY_SCHEMA, response: { 200: REQUESTS_RESPONSE_SCHEMA } } },
    async (request, reply) => {
      const format = formatOf(request);
      const view = viewOf(request);
      const filter = filterOf(request.query as RequestsQuery, ctx.now(), ctx.places, timeZone);
      const body = answers.get(`${format}|${view.lang}|${view.trusted}|${JSON.stringify(filter)}`, () => {
        const list = toOpen311Requests(ctx.store.listRequests(filter), view, services);
        return format === 'xml' ? requestsXml(list) : String(reply.code(200).serialize(list));
      });
      return sendText(reply, format, body);
    },
  );

  app.get(
    `${BASE}/requests/:id.:format`,
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 }, format: { type: 'string' } } },
        querystring: { type: 'object', properties: { api_key: { type: 'string', maxLength: 200 }, lang: { type: 'string', maxLength: 16 } } },
        response: { 200: REQUESTS_RESPONSE_SCHEMA },
      },
    },
    async (request, reply) => {
      const format = formatOf(request);
      const view = viewOf(request);
      const { id } = request.params as { id: string };
      const body = answers.get(`${format}|${view.lang}|${view.trusted}|id|${id}`, () => {
        const found = ctx.store.getRequest(id);
        if (!found) return '';
        const list = toOpen311Requests([found], view, services);
        return format === 'xml' ? requestsXml(list) : String(reply.code(200).serialize(list));
      });
      if (body.length === 0) throw new HttpError(404, `no service request ${JSON.stringify(id)}`);
      return sendText(reply, format, body);
    },
  );

  app.post(
    `${BASE}/requests.:format`,
    {
      schema: { body: SUBMIT_BODY_SCHEMA },
      // Before the body's schema: who sends it and whether they may, so that a caller without
      // a key learns that first, and a key over its limit costs no validation work.
      preValidation: async (request, reply) => {
        formatOf(request);
        const key = keyOf(request);
        if (!key) throw new HttpError(403, 'api_key is required to file requests: ask the operator for one (npm run ledger -- key add NAME)');
        if (!limiter.take(String(key.id))) {
          reply.header('Retry-After', String(limiter.retryAfterSeconds(String(key.id))));
          throw new HttpError(429, `too many requests for api_key "${key.name}": at most ${ctx.config.open311PerKeyPerMinute} a minute; try again shortly`);
        }
        keys.set(request, key);
      },
    },
    async (request, reply) => {
      const format = formatOf(request);
      const key = keys.get(request)!;
      const body = request.body as SubmitBody;
      const input = newRequestOf(body, { services, places: ctx.places, locator });
      const now = ctx.now();
      const who = `open311:${key.name}`;
      const created = await commits.create(
        {
          ...input,
          stage: 'collect',
          status: 'open',
          requestedAt: now.toISOString(),
          updatedAt: now.toISOString(),
          expectedAt: new Date(now.getTime() + ctx.config.workflow.cycleDays * DAY_MS).toISOString(),
          source: who,
        },
        who,
      );
      ctx.events.emit('change', { kind: 'created', request: created });
      const answer = [{ service_request_id: created.id, service_notice: notices[langOf(request)], account_id: created.reporter.accountId ?? null }];
      return send(reply, format, 201, answer, () => requestsXml(answer));
    },
  );
}
