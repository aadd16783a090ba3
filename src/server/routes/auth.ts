import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

// Placeholder: filled in by the auth work (issue 13).
export async function authRoutes(_app: FastifyInstance, _ctx: ServerContext) {}
