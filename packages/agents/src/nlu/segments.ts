/**
 * Splits a message that asks several things ("what's the return window and how long does
 * shipping take?") into one question each, so every part gets answered in one reply.
 * Conservative: a part must read as a question of its own (a question word or an auxiliary
 * up front, at least three words); otherwise the message stays whole.
 */
const QUESTION_START = /^(what|what's|whats|how|how's|when|where|where's|which|who|why|can|could|do|does|did|is|are|will|would|should|may|any|and (what|how|when|where|which|can|do|does|is|are))\b/i;
const MIN_WORDS = 3;
export const MAX_SEGMENTS = 3;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const clean = (s: string) => s.replace(/^(and|also|plus|oh and|then)\s+/i, '').trim();

export function splitQuestions(text: string): string[] {
  // Sentences first ("? " or ". " boundaries), then " and <question word>" inside a sentence.
  const sentences = text.split(/(?<=[?!.])\s+(?=\S)/).map((s) => s.trim()).filter(Boolean);
  const parts: string[] = [];
  for (const s of sentences) {
    const pieces = s.split(/\s*(?:,\s*)?\b(?:and|also|plus)\s+(?=(?:what|what's|how|when|where|which|can|could|do|does|is|are|will)\b)/i);
    for (const p of pieces) parts.push(p.trim());
  }
  const questions = parts.map(clean).filter((p) => words(p) >= MIN_WORDS);
  // Only split when every kept part is a question of its own; a leading statement gives context
  // to the question after it ("My order is late. Where is it?") and stays attached.
  if (questions.length < 2 || !questions.every((q) => QUESTION_START.test(q) || /\?$/.test(q))) return [text];
  return questions.slice(0, MAX_SEGMENTS);
}
