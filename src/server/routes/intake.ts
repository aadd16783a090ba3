import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

// Placeholder: filled in by the intake work (issue 13).
export async function intakeRoutes(_app: FastifyInstance, _ctx: ServerContext) {}
