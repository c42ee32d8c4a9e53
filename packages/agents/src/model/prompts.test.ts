import { describe, expect, it } from 'vitest';
import { RESPOND_SYSTEM, withLanguage } from './prompts';

describe('the reply language in the system prompt', () => {
  it('asks for the detected language by its fixed name, and leaves English prompts as they were', () => {
    expect(withLanguage(RESPOND_SYSTEM, 'de')).toContain('Write the whole reply in German');
    expect(withLanguage(RESPOND_SYSTEM, 'fr')).toContain('in French');
    expect(withLanguage(RESPOND_SYSTEM, 'en')).toBe(RESPOND_SYSTEM);
    expect(withLanguage(RESPOND_SYSTEM, undefined)).toBe(RESPOND_SYSTEM);
  });
});
