import { createContext, type ServiceDeps } from './context';
import { aiTurnUseCases } from './use-cases/ai-turn';
import { contactEmailUseCases } from './use-cases/contact-email';
import { handToHumansUseCases } from './use-cases/hand-to-humans';
import { messageUseCases } from './use-cases/messages';
import { ownershipUseCases } from './use-cases/ownership';

export type { AgentActor, JobProducer, ServiceDeps } from './context';
export type { AiTurn, AiTurnResult } from './use-cases/ai-turn';
export type { HandoffInput, HandoffResult } from './use-cases/hand-to-humans';

/**
 * The conversation use cases (DESIGN §5), one function per action. Each is: load the conversation
 * under its row lock → authorise and guard with the state machine (machine.ts) → write the state
 * and its event in that one transaction → announce (announcer.ts). Gateway handlers and the worker
 * call these; nothing else changes who owns a conversation.
 */
export function createConversationService(deps: ServiceDeps) {
  const ctx = createContext(deps);
  return {
    ...messageUseCases(ctx),
    ...handToHumansUseCases(ctx),
    ...ownershipUseCases(ctx),
    ...aiTurnUseCases(ctx),
    ...contactEmailUseCases(ctx),
  };
}
export type ConversationService = ReturnType<typeof createConversationService>;
