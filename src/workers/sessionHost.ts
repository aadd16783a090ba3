import type * as NetworkCheck from './networkCheck';
import type { Network, PackedNetwork } from '../data/packedNetwork';
import { textOf } from '../data/contents';
import { unpackAreas } from '../data/packedAreas';
import type { Dataset } from '../domain/dataset';
import { SessionCore } from './sessionCore';
import type { FromSession, Kind, Question, ToSession } from './sessionProtocol';

export type Post = (message: FromSession, transfer: Transferable[]) => void;

/**
 * Routes the protocol's messages to a SessionCore: a `load` is taken at once; questions wait
 * for the next turn, one per kind, so a newer question of a kind replaces a waiting one
 * (answered `skipped`) and a drag of the origin never queues up walks. The same host runs in
 * the session worker (a turn is a macrotask, so messages already sent arrive first) and in
 * place where there are no workers (a microtask, unaffected by tests' fake timers).
 */
export function sessionHost(post: Post, nextTurn: (run: () => void) => void = (run) => setTimeout(run, 0)): (message: ToSession) => void {
  const core = new SessionCore();
  const waiting = new Map<Kind, Question>();
  let scheduled = false;
  /** Networks checked here, by token, while the page holds them. */
  const networks = new Map<number, Network | null>();
  /** Their streets, packed, for the tile worker (see checkNetworkText), while the page holds them. */
  const streets = new Map<number, PackedNetwork>();
  let checker: Promise<typeof NetworkCheck> | null = null;

  const run = () => {
    scheduled = false;
    const questions = [...waiting.values()];
    waiting.clear();
    for (const question of questions) {
      if (question.kind !== 'stats' && question.generation !== core.generation) {
        post({ type: 'skipped', id: question.id }, []);
        continue;
      }
      const started = performance.now();
      try {
        const { answer, transfer } = core.answer(question);
        post({ type: 'answer', kind: question.kind, id: question.id, generation: question.generation, answer, ms: performance.now() - started }, transfer);
      } catch (error) {
        post({ type: 'error', id: question.id, message: (error as Error).message }, []);
      }
    }
  };

  /** Handles one message; a promise while it reads a network's file and waits for the checker's code, which later messages wait behind. */
  const handle = (message: ToSession): Promise<void> | void => {
    if (message.type === 'network') {
      const { token, contents, crs } = message;
      const read = textOf(contents).then(
        (text) => ({ text }),
        (error: unknown) => ({ error }),
      );
      return Promise.all([(checker ??= import('./networkCheck')), read])
        .then(([{ checkNetworkText, unreadNetwork }, got]) => {
          if ('error' in got) {
            networks.set(token, null);
            return post(unreadNetwork(token, got.error), []);
          }
          const { network, streets: packed, message, transfer } = checkNetworkText(token, got.text, crs);
          core.networkChecks++;
          networks.set(token, network);
          if (packed) streets.set(token, packed);
          post(message, transfer);
        })
        .catch((error: unknown) => {
          console.error('walking session: network.geojson could not be checked:', error);
          networks.set(token, null);
          post({ type: 'networkChecked', token, reason: 'network.geojson could not be checked', packed: null, problems: [] }, []);
        });
    }
    if (message.type === 'release') {
      networks.delete(message.token);
      streets.delete(message.token);
      return;
    }
    if (message.type === 'networkTo') {
      // Copied here (about 2 ms for Wuhan's, off the page), not moved, so a second ask gets them too.
      message.port.postMessage(streets.get(message.token) ?? null);
      message.port.close();
      return;
    }
    if (message.type === 'load') {
      let dataset = message.dataset;
      if (message.compounds)
        dataset = { ...dataset, compounds: { type: 'FeatureCollection', features: unpackAreas(message.compounds) as Dataset['compounds']['features'] } };
      if (message.network !== undefined) {
        const network = networks.get(message.network);
        // The page holds this network, so it cannot have been released.
        if (network === undefined) throw new Error(`walking session: no network under token ${message.network}`);
        dataset = { ...dataset, network };
      }
      const ready = core.load(message.generation, dataset, message.prebuilt);
      post({ type: 'ready', ...ready }, []);
      // While the page handles `ready`; a walk asked meanwhile is answered after it (same turn order).
      if (message.warmWalk)
        nextTurn(() => {
          if (message.generation === core.generation) core.warmWalk();
        });
      return;
    }
    if (message.type === 'volunteers') {
      if (message.generation === core.generation) core.setVolunteers(message.volunteers);
      return;
    }
    const older = waiting.get(message.kind);
    if (older) post({ type: 'skipped', id: older.id }, []);
    // Re-inserted at the end, so kinds are answered in the order they were last asked.
    waiting.delete(message.kind);
    waiting.set(message.kind, message);
    if (!scheduled) {
      scheduled = true;
      nextTurn(run);
    }
  };

  let behind: Promise<void> | null = null;
  return (message) => {
    const pending = behind ? behind.then(() => handle(message)) : handle(message);
    if (!pending) return;
    behind = pending;
    void pending.then(() => {
      if (behind === pending) behind = null;
    });
  };
}
