import type { Emitter } from '@socket.io/redis-emitter';
import type { Db } from '@em/db/client';
import { handToHumans, type HandoffInput } from '@em/db/queries/handoff';
import type { PresenceReader } from '@em/db/queries/presence';

/** Nobody known to be online: the customer is told so and gets a ticket rather than a silent wait. */
const NOBODY: PresenceReader = { list: async () => [], onlineCount: async () => 0 };

/**
 * The worker's side of the shared "handed to humans" path: the same status change, customer
 * announcement, console queue:updated (through the Redis emitter, `emitter.of('/agents')`) and
 * presence check → ticket as the gateway's "Talk to a person".
 */
export function notifyHandoff(deps: { db: Db; emitter: Emitter; presence?: PresenceReader }, input: HandoffInput) {
  return handToHumans({ db: deps.db, io: deps.emitter, presence: deps.presence ?? NOBODY }, input);
}
