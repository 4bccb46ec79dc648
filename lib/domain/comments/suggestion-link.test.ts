import { describe, expect, it } from 'vitest';
import { suggestionIdIn, suggestionMessage } from './suggestion-link';

describe('suggestion links in history', () => {
  it('reads back the id the accepted suggestion wrote, and nothing from other messages', () => {
    expect(suggestionIdIn(suggestionMessage('Johan', 'Planera (nytt)', 'c1abc'))).toBe('c1abc');
    expect(suggestionIdIn('Rollen bytte namn till X')).toBeNull();
    expect(suggestionIdIn(null)).toBeNull();
  });
});
