import type { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { streamingProblem } from './grounding';
import { ACT_SYSTEM, conversationBlock, customerBlock, withAgent, withLanguage } from './prompts';
import type { ActRequest, ActResult, ToolOutcome } from './port';

/** Tool calls executed per model turn; more in one turn are answered with an error (bounds DB work). */
export const MAX_CALLS_PER_STEP = 4;
/** A tool result is cut to this many characters before the model (and the grounding guard) sees it. */
const MAX_RESULT_CHARS = 4000;

export interface ToolLoopResult {
  /** The model's final text (empty when it stopped at the step limit). */
  reply: string;
  toolCalls: ActResult['toolCalls'];
  /** Every successful tool result as the model saw it: facts the model fetched itself. */
  fetched: string[];
  usage: { input_tokens: number; output_tokens: number };
  outcome: 'answered' | 'step_limit';
  /** Sends the rest of the answer's deltas (its last word); call once the whole reply passed the guard. */
  flush(): void;
}

const textOf = (m: AIMessageChunk | undefined) => (typeof m?.content === 'string' ? m.content : '');

/**
 * A bounded react-style loop written by hand over ChatOpenAI.bindTools rather than LangGraph's
 * prebuilt createReactAgent: that one is deprecated in LangGraph 1 (moved to the `langchain`
 * package, not a dependency here), its recursionLimit counts graph node visits rather than tool
 * steps and ends in an exception, and it streams every model turn. Here the bound is exact (at most
 * `maxSteps` model turns that call tools; a model still calling tools after that gets no answer
 * from us, the caller falls back), every call goes through `runTool` (zod-parsed arguments, the
 * session's scope) and comes back as a message — bad arguments included — and the caller checks
 * the final text against the draft and the tool results before anything is kept.
 */
export async function runToolLoop(chat: ChatOpenAI, req: ActRequest, maxSteps: number, signal: AbortSignal): Promise<ToolLoopResult> {
  const llm = chat.bindTools(req.tools);
  const messages: BaseMessage[] = [
    new SystemMessage(withLanguage(withAgent(ACT_SYSTEM, req.agent), req.language)),
    new HumanMessage(`<facts>\n${req.draft}\n</facts>\n${conversationBlock(req.history)}${customerBlock(req.text)}`),
  ];
  const toolCalls: ActResult['toolCalls'] = [];
  const fetched: string[] = [];
  const usage = { input_tokens: 0, output_tokens: 0 };

  // Deltas go out whole words at a time, each prefix checked first: an invented identifier or price,
  // or the opening of the instructions, stops the stream before the widget shows it (the final
  // reply is then replaced by the draft anyway). Text of a turn that calls tools is not the answer.
  let stopped = false;
  const gate = (text: string, shown: number, final: boolean) => {
    const upto = final ? text.length : text.search(/\S*$/);
    if (stopped || upto <= shown) return shown;
    const problem = streamingProblem(text.slice(0, upto), `${req.draft} ${req.text} ${fetched.join('\n')}`);
    if (problem) {
      stopped = true;
      return shown;
    }
    req.onDelta?.(text.slice(shown, upto));
    return upto;
  };

  for (let step = 0; ; step++) {
    let msg: AIMessageChunk | undefined;
    let stepUsage: AIMessageChunk['usage_metadata'];
    let shown = 0;
    for await (const chunk of await llm.stream(messages, { signal })) {
      msg = msg ? msg.concat(chunk) : chunk;
      if (req.onDelta && !msg.tool_call_chunks?.length) shown = gate(textOf(msg), shown, false);
      if (chunk.usage_metadata) stepUsage = chunk.usage_metadata;
    }
    usage.input_tokens += stepUsage?.input_tokens ?? 0;
    usage.output_tokens += stepUsage?.output_tokens ?? 0;

    // Arguments that are not JSON land in invalid_tool_calls: answered with an error like any bad input,
    // in the order the model made the calls (the streamed chunks keep its indices).
    const position = new Map((msg?.tool_call_chunks ?? []).map((c, i) => [c.id, c.index ?? i]));
    const calls = [
      ...(msg?.tool_calls ?? []).map((c) => ({ name: c.name, args: c.args as unknown, id: c.id, json: true })),
      ...(msg?.invalid_tool_calls ?? []).map((c) => ({ name: c.name ?? 'unknown', args: c.args as unknown, id: c.id, json: false })),
    ]
      .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
      .map((c, i) => ({ ...c, id: c.id || `call_${step}_${i}` }));
    if (!calls.length) {
      const text = textOf(msg);
      return { reply: text.trim(), toolCalls, fetched, usage, outcome: 'answered', flush: () => {
          if (req.onDelta) gate(text, shown, true);
        },
      };
    }
    if (step >= maxSteps) return { reply: '', toolCalls, fetched, usage, outcome: 'step_limit', flush: () => {} };

    messages.push(new AIMessage({ content: textOf(msg), tool_calls: calls.map((c) => ({ id: c.id, name: c.name, args: c.json ? (c.args as Record<string, unknown>) : {}, type: 'tool_call' as const })) }));
    for (const [i, c] of calls.entries()) {
      const outcome: ToolOutcome =
        i >= MAX_CALLS_PER_STEP
          ? { ok: false, error: `at most ${MAX_CALLS_PER_STEP} tool calls per step` }
          : !c.json
            ? { ok: false, error: 'arguments are not valid JSON' }
            : await runSafely(req, c.name, c.args, signal);
      const content = (JSON.stringify(outcome.ok ? outcome.result : { error: outcome.error }) ?? 'null').slice(0, MAX_RESULT_CHARS);
      if (outcome.ok) fetched.push(content);
      messages.push(new ToolMessage({ content, tool_call_id: c.id, name: c.name }));
      toolCalls.push({ name: c.name, args: c.args, ok: outcome.ok });
    }
  }
}

/** A tool that throws (database hiccup) becomes an error the model can read; a caller abort still stops the loop. */
async function runSafely(req: ActRequest, name: string, args: unknown, signal: AbortSignal): Promise<ToolOutcome> {
  let outcome: ToolOutcome;
  try {
    outcome = await req.runTool(name, args);
  } catch {
    // No error text for the model: it could carry SQL or connection details into the reply.
    outcome = { ok: false, error: `tool ${name} failed` };
  }
  signal.throwIfAborted();
  return outcome;
}
