import type { Case } from './case-schema';
import type { Observation } from './check';
import type { World } from './world';

/** Plays a case turn by turn against one target (the in-process graph, or a gateway over /chat). */
export interface Player {
  mode: 'in-process' | 'socket';
  /** What expectations are resolved against (that target's database, KB and prompts). */
  world: World;
  /** How many cases may run at once. */
  concurrency: number;
  /** One observation per turn, in order; never throws for a failed turn (it is recorded). */
  play(c: Case): Promise<Observation[]>;
  close(): Promise<void>;
}
