import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

// Placeholder: filled in by the open311 work (issue 13).
export async function open311Routes(_app: FastifyInstance, _ctx: ServerContext) {}
