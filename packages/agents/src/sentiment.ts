import Sentiment from 'sentiment';
import type { Sentiment as SentimentResult } from '@em/contracts/schemas';

const analyzer = new Sentiment();

// Words that make a waiting customer more urgent in the human queue (DESIGN §7).
const URGENCY = /\b(urgent|urgently|asap|immediately|right now|emergency|today|lawyer|legal|sue|fraud|scam|chargeback|unacceptable|fire|smoke|burn|dangerous|injur\w*)\b/i;

export interface SentimentAnalysis extends SentimentResult {
  comparative: number;
  urgent: boolean;
}

/** AFINN via `sentiment`; labels use the comparative score (per word) so long messages aren't over-weighted. */
export function analyzeSentiment(text: string): SentimentAnalysis {
  const r = analyzer.analyze(text);
  const c = r.comparative;
  const shouting = text.length > 8 && text === text.toUpperCase() && /[A-Z]/.test(text);
  const exclaim = (text.match(/!/g) ?? []).length >= 3;
  const adjusted = c - (shouting ? 0.3 : 0) - (exclaim && c < 0 ? 0.2 : 0);
  const label = adjusted <= -0.5 ? 'very_negative' : adjusted < -0.05 ? 'negative' : adjusted > 0.1 ? 'positive' : 'neutral';
  return { score: r.score, comparative: Number(adjusted.toFixed(3)), label, urgent: URGENCY.test(text) };
}
