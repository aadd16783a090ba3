import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { LedgerError } from './store/types';

/**
 * One error shape for the whole API, Open311's: an array of `{ code, description }`
 * (GeoReport v2, "Errors"), in XML for `.xml` routes. Bad input never becomes a 500.
 */
export interface ApiError {
  code: number;
  description: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export function errorsXml(errors: readonly ApiError[]): string {
  const items = errors.map((e) => `<error><code>${e.code}</code><description>${xmlEscape(e.description)}</description></error>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><errors>${items}</errors>`;
}

const wantsXml = (request: FastifyRequest) => /\.xml(?:$|\?)/.test(request.url);

/** Sends `[{code, description}]` (or its XML) with `status`. */
export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, description: string): FastifyReply {
  const errors = [{ code: status, description }];
  if (wantsXml(request)) return reply.code(status).type('application/xml; charset=utf-8').send(errorsXml(errors));
  return reply.code(status).type('application/json; charset=utf-8').send(errors);
}

/** Fastify's own errors (schema, body size, broken JSON) and ours, as clear 4xx answers. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) return sendError(request, reply, error.status, error.message);
  if (error instanceof LedgerError) {
    const status = error.code === 'not_found' ? 404 : error.code === 'conflict' ? 409 : 400;
    return sendError(request, reply, status, error.message);
  }
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    return sendError(request, reply, 400, `invalid ${where}: ${error.message}`);
  }
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 413, 'the request body is too large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return sendError(request, reply, 415, `unsupported content type ${JSON.stringify(request.headers['content-type'] ?? '')}`);
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(request, reply, 400, 'the JSON body is empty');
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return sendError(request, reply, 400, `the body is not valid JSON: ${error.message}`);
  if (status >= 400 && status < 500) return sendError(request, reply, status, error.message);
  request.log.error(error);
  return sendError(request, reply, 500, 'internal error: the request was not carried out');
}
