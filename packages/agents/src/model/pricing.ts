// USD per 1M tokens (prompt, completion), list prices for the models we expect behind
// OPENAI_BASE_URL; unknown models get no cost estimate rather than a wrong one.
const PRICES: Record<string, [number, number]> = {
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4o': [2.5, 10],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1': [2, 8],
};

export function costUsd(model: string, tokens: { prompt: number; completion: number }): number | undefined {
  const key = Object.keys(PRICES)
    .sort((a, b) => b.length - a.length)
    .find((k) => model === k || model.startsWith(`${k}-`));
  const p = key ? PRICES[key] : undefined;
  if (!p) return undefined;
  return Number(((tokens.prompt * p[0] + tokens.completion * p[1]) / 1e6).toFixed(8));
}
