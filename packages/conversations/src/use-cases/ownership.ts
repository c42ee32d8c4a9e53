import { AppError } from '@em/contracts/errors';
import { moveHandoffTickets } from '@em/db/queries/handoff-tickets';
import { getConsoleUser } from '@em/db/queries/users';
import { conflictFor, type AgentActor, type Context } from '../context';

/** What agents do to a conversation from the console: claim, reassign (admin), hand back, resolve. */
export function ownershipUseCases(ctx: Context) {
  const { db, announce } = ctx.deps;
  return {
    async claim(agent: AgentActor, conversationId: string) {
      const r = await ctx.move(agent, 'claim', conversationId, { agentId: agent.userId }, (tx) => moveHandoffTickets(tx, conversationId, ['open'], 'pending'));
      if (!r.ok) throw conflictFor(r.status, 'Someone else already took this conversation');
      await ctx.systemNotice(conversationId, (await ctx.copyFor(conversationId)).joined(agent.name));
      announce.handoff(conversationId, { from: 'queue', to: agent.name, reason: 'claimed' });
      announce.status(conversationId, { status: 'human', owner: { id: agent.userId, name: agent.name } });
      await ctx.refreshQueue();
      return { conversationId };
    },

    /** Admin: give a waiting or claimed conversation to an active agent. */
    async reassign(admin: AgentActor, conversationId: string, agentId: string) {
      const target = await getConsoleUser(db, agentId);
      if (!target?.active) throw new AppError('not_found', 'No such active agent.');
      const r = await ctx.move(admin, 'reassign', conversationId, { agentId, reason: 'reassigned' });
      if (!r.ok) throw conflictFor(r.status, 'Only waiting or claimed conversations can be reassigned');
      await ctx.systemNotice(conversationId, (await ctx.copyFor(conversationId)).joined(target.name));
      announce.status(conversationId, { status: 'human', owner: { id: target.id, name: target.name } });
      await ctx.refreshQueue();
      return { conversationId, agentId };
    },

    /** The owner (or an admin) hands the conversation back to the AI. */
    async release(agent: AgentActor, conversationId: string) {
      const r = await ctx.move(agent, 'release', conversationId, { agentId: agent.userId, reason: 'handed_back' });
      if (!r.ok) throw conflictFor(r.status, 'Only the agent who owns this conversation can hand it back');
      await ctx.systemNotice(conversationId, (await ctx.copyFor(conversationId)).handedBack);
      announce.handoff(conversationId, { from: agent.name, to: 'orchestrator', reason: 'handed_back' });
      announce.status(conversationId, { status: 'bot', owner: null });
      await ctx.refreshQueue();
      return { status: 'bot' as const };
    },

    async resolve(agent: AgentActor, conversationId: string) {
      // The chat's handoff ticket is settled with it: the customer got their person.
      const r = await ctx.move(agent, 'resolve', conversationId, { agentId: agent.userId }, (tx) =>
        moveHandoffTickets(tx, conversationId, ['open', 'pending'], 'resolved'),
      );
      if (!r.ok) throw conflictFor(r.status, 'Only the agent who owns this conversation can resolve it');
      await ctx.systemNotice(conversationId, (await ctx.copyFor(conversationId)).resolved(agent.name));
      announce.status(conversationId, { status: 'resolved', owner: null });
      await ctx.refreshQueue();
      return { status: 'resolved' as const };
    },
  };
}
