import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

// Placeholder: filled in by the staff work (issue 13).
export async function staffRoutes(_app: FastifyInstance, _ctx: ServerContext) {}
