import type { FastifyInstance } from 'fastify';
import { countEvidence, type EvidenceAnswer } from '../../domain/planner/evidence';
import type { ServerContext } from '../context';

/**
 * GET /api/evidence: residents' requests per compound, facility category and stage, for the
 * planner's gaps (domain/planner/evidence.ts). Public, without a login: it carries counts
 * only, never a text, a reporter or a point. Counts are exact, not "<5": the public Open311
 * answer already gives every request's service_code, stage and compound_id, so a finer
 * public figure exists anyway and rounding here would only make planners' figures disagree
 * with it.
 */
export async function evidenceRoutes(app: FastifyInstance, ctx: ServerContext) {
  // Counting reads the whole ledger: do it once per change, not once per planner polling.
  let cached: { mark: string; answer: EvidenceAnswer } | null = null;

  app.get('/api/evidence', { schema: { querystring: { type: 'object', additionalProperties: false, properties: {} } } }, async (_request, reply) => {
    const mark = ctx.store.changeMark();
    if (cached?.mark !== mark) {
      const rows = ctx.store.listRequests().map((r) => ({ compoundId: r.compoundId, serviceCode: r.serviceCode, stage: r.stage }));
      cached = { mark, answer: { at: ctx.now().toISOString(), counts: countEvidence(rows) } };
    }
    reply.header('Cache-Control', 'no-cache');
    return cached.answer;
  });
}
