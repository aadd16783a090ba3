/// <reference lib="webworker" />
/**
 * The walking session's worker: a thin shell over sessionHost (DESIGN.md "One walking
 * session per dataset"). Every view's walking questions come here.
 */
import { sessionHost } from './sessionHost';
import type { ToSession } from './sessionProtocol';

declare const self: DedicatedWorkerGlobalScope;

const receive = sessionHost((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToSession>) => receive(event.data);
