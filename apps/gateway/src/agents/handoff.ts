import type { Server } from 'socket.io';
import { handToHumans, type HandoffInput } from '@em/db/queries/handoff';
import { createPresence, type Presence } from '@em/db/queries/presence';
import type { GatewayDeps } from '../deps';

const cache = new WeakMap<GatewayDeps, Presence>();

/** Presence over the gateway's command connection and key prefix (same layout the worker reads). */
export function presenceFor(deps: GatewayDeps): Presence {
  let p = cache.get(deps);
  if (!p) cache.set(deps, (p = createPresence(deps.redis, deps.redisPrefix)));
  return p;
}

/** The gateway's entry to the shared "handed to humans" path (e.g. the widget's "Talk to a person"). */
export function handToHumansFromGateway(io: Server, deps: GatewayDeps, input: HandoffInput) {
  return handToHumans({ db: deps.db, io, presence: presenceFor(deps) }, input);
}
