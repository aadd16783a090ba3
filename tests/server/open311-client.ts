import { SaxesParser } from 'saxes';
import type Database from 'better-sqlite3';
import type { TestServer } from './helpers';

/** What an Open311 client sees: status, raw text (for privacy checks) and the parsed body. */
export interface Answer<T = unknown> {
  status: number;
  type: string;
  text: string;
  json: T;
}

export async function get<T = unknown>(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(`${server.url}${path}`, { headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, text, json: (type.includes('json') ? JSON.parse(text) : undefined) as T };
}

/** POSTs `fields` form-encoded (as the spec has it) or as JSON. */
export async function post<T = unknown>(
  server: TestServer,
  path: string,
  fields: Record<string, string | number>,
  as: 'form' | 'json' = 'form',
): Promise<Answer<T>> {
  const body = as === 'json' ? JSON.stringify(fields) : new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
    body,
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, text, json: (type.includes('json') ? JSON.parse(text) : undefined) as T };
}

/** An element of a parsed XML answer. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly with saxes (not well-formed fails the test) into a small element tree. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.on('cdata', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    throw new Error(`not well-formed XML: ${error.message}\n${text.slice(0, 500)}`);
  });
  parser.write(text).close();
  if (root.children.length !== 1) throw new Error('XML answer without a single root element');
  return root.children[0]!;
}

/** The children of each `<item>` under the root as plain records: `<a>x</a>` → { a: 'x' }, `<a/>` → { a: '' }. */
export function xmlItems(text: string, item: string): Record<string, string | Record<string, string>>[] {
  return parseXml(text)
    .children.filter((e) => e.name === item)
    .map((e) => Object.fromEntries(e.children.map((c) => [c.name, c.children.length ? Object.fromEntries(c.children.map((g) => [g.name, g.text])) : c.text])));
}

/** Rows in the ledger's tables: to show that a refused request changed nothing. */
export function tableCounts(server: TestServer): { requests: number; history: number; tables: number } {
  const db = (server.ctx.store as unknown as { db: Database.Database }).db;
  const n = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  return {
    requests: n('SELECT COUNT(*) AS n FROM requests'),
    history: n('SELECT COUNT(*) AS n FROM history'),
    tables: n("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'"),
  };
}
