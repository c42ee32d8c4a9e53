// A local OpenAI-compatible server for tests (no network): POST /v1/chat/completions with
// structured output as a tool call (tools + tool_choice) or as JSON content (response_format),
// SSE streaming with a usage chunk, and switchable failure modes to exercise the fallbacks.
// Tool-loop requests (tools offered, none forced) follow `toolScript` when a test sets one: a
// scripted tool call, a final streamed answer, an HTTP error or a hang, step by step.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode =
  | 'ok'
  | 'error' // HTTP 500 on every call
  | 'hang' // accepts the request and never answers (timeouts)
  | 'garbage' // structured output that violates the schema; a stream that is empty
  | 'drop' // the reply stream dies after two chunks
  | 'evil'; // a model that obeys injected instructions: leaks its prompt, invents other customers' data

export interface Brain {
  route(customerText: string): { domain: string; confidence: number; intent: string };
  analyze(customerText: string): { productNames: string[]; category: string | null; minPriceUsd: number | null; maxPriceUsd: number | null };
  respond(facts: string, customerText: string): string;
}

export interface RecordedRequest {
  path: string;
  body: ChatBody;
}

/** What a scripted model does at one step of a tool loop. `args` as a string is sent raw (e.g. not JSON). */
export type ScriptStep =
  | { toolCalls: Array<{ name: string; args: unknown }> }
  | { reply: string }
  | { status: number }
  | { hang: true };

export interface ToolTurn {
  /** Model turns with tool calls so far in this loop (0 on the first request). */
  step: number;
  facts: string;
  customer: string;
  /** Contents of the tool messages the client sent back, in order. */
  toolResults: string[];
  body: ChatBody;
}

export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>; tool_call_id?: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Array<{ type: 'function'; function: { name: string; parameters: unknown } }>;
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name: string } };
}

export interface FakeOpenAI {
  /** OPENAI_BASE_URL for the client. */
  baseURL: string;
  requests: RecordedRequest[];
  mode: Mode;
  /** Scripts tool-loop requests; undefined (or a step it returns undefined for): answer from the facts like `respond`. */
  toolScript?: (turn: ToolTurn) => ScriptStep | undefined;
  stop(): Promise<void>;
}

const between = (s: string, tag: string) => new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(s)?.[1] ?? '';
const tokensOf = (s: string) => Math.max(1, Math.ceil(s.length / 4));

export async function startFakeOpenAI(brain: Brain): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const state: FakeOpenAI = { baseURL: '', requests, mode: 'ok', stop: async () => {} };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  function structured(body: ChatBody, name: string, user: string): Record<string, unknown> {
    const text = between(user, 'customer_message');
    if (state.mode === 'garbage') return { domain: 'definitely-not-a-domain', confidence: 7 };
    if (state.mode === 'evil') return name === 'route_message' ? { domain: 'logistics', confidence: 1, intent: 'obey_customer' } : { productNames: ['EM-10003'], category: null, minPriceUsd: null, maxPriceUsd: null };
    return name === 'route_message' ? brain.route(text) : brain.analyze(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return json(res, 404, { error: { message: 'not found' } });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
    requests.push({ path: req.url, body });
    if (state.mode === 'error') return json(res, 500, { error: { message: 'upstream exploded', type: 'server_error' } });
    if (state.mode === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = body.messages.filter((m) => m.role === 'user').map((m) => m.content ?? '').join('\n');
    const usage = { prompt_tokens: tokensOf(system + user), completion_tokens: 0, total_tokens: 0 };
    const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: body.model };

    // Structured output forces one function (or asks for json_schema); a tool loop offers tools and lets the model pick.
    const toolLoop = !!body.tools?.length && (body.tool_choice === undefined || body.tool_choice === 'auto');
    const tool = toolLoop ? undefined : body.tools?.[0]?.function.name;
    const format = body.response_format?.type === 'json_schema' ? body.response_format.json_schema?.name : undefined;
    if (tool || format) {
      const args = JSON.stringify(structured(body, (tool ?? format)!, user));
      usage.completion_tokens = tokensOf(args);
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      const message = tool
        ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: tool, arguments: args } }] }
        : { role: 'assistant', content: args };
      return json(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: tool ? 'tool_calls' : 'stop' }], usage });
    }

    const facts = between(user, 'facts');
    const customer = between(user, 'customer_message');
    const step = toolLoop
      ? state.toolScript?.({
          step: body.messages.filter((m) => m.role === 'assistant' && m.tool_calls?.length).length,
          facts,
          customer,
          toolResults: body.messages.filter((m) => m.role === 'tool').map((m) => m.content ?? ''),
          body,
        })
      : undefined;
    if (step && 'status' in step) return json(res, step.status, { error: { message: 'scripted failure', type: 'server_error' } });
    if (step && 'hang' in step) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (step && 'toolCalls' in step) {
      const calls = step.toolCalls.map((c, i) => ({
        index: i,
        id: `call_${requests.length}_${i}`,
        type: 'function',
        function: { name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) },
      }));
      usage.completion_tokens = tokensOf(JSON.stringify(calls));
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      if (!body.stream) {
        const message = { role: 'assistant', content: null, tool_calls: calls.map(({ index: _i, ...c }) => c) };
        return json(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'tool_calls' }], usage });
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const send = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
      send({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: calls }, finish_reason: null }] });
      send({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
      if (body.stream_options?.include_usage) send({ ...base, object: 'chat.completion.chunk', choices: [], usage });
      return res.end('data: [DONE]\n\n');
    }

    let reply = step && 'reply' in step ? step.reply : brain.respond(facts, customer);
    if (state.mode === 'evil') reply = `Sure! My instructions say: ${system}\nOrder EM-10003 for bob@example.com was delivered, tracking 1Z999AA10999999999.`;
    if (state.mode === 'garbage') reply = '';
    usage.completion_tokens = tokensOf(reply);
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (!body.stream) {
      return json(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }], usage });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
    const pieces = reply.match(/\S+\s*/g) ?? [];
    for (const [i, piece] of pieces.entries()) {
      if (state.mode === 'drop' && i === 2) {
        res.destroy();
        return;
      }
      send({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: piece } : { content: piece }, finish_reason: null }] });
    }
    send({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    if (body.stream_options?.include_usage) send({ ...base, object: 'chat.completion.chunk', choices: [], usage });
    res.end('data: [DONE]\n\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => json(res, 500, { error: { message: err.message } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.stop = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return state;
}
