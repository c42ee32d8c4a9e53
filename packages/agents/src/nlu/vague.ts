import { searchTokens } from '../text/prepare';

// Stems of words that ask for help without saying with what ("I need help", "can you help me?",
// "I have a question"). Answering such a message from whichever article shares "help" is a guess.
const ASKING_WORDS = new Set(['need', 'want', 'help', 'pleas', 'question', 'problem', 'issu', 'can', 'could', 'would', 'like', 'have', 'got', 'quick', 'some', 'hello', 'hi', 'hei', 'urgent', 'assist', 'support', 'ask', 'someon']);

/** A short request with no subject yet: the assistant should ask what it is about. */
export const saysNothingYet = (text: string) => text.length < 60 && searchTokens(text).every((t) => ASKING_WORDS.has(t));
