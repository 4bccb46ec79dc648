import { describe, expect, it } from 'vitest';
import { mentionedIn } from './mentions';

const people = [
  { id: 'eva', name: 'Eva Lindberg', email: 'eva@region.test' },
  { id: 'evald', name: 'Evald Ek', email: 'evald@kommun.test' },
  { id: 'ahmed', name: 'Ahmed Hassan', email: 'ahmed@kommun.test' },
];

describe('mentionedIn', () => {
  it('finds full names and e-mail addresses, whatever the case', () => {
    expect(mentionedIn('Hej @eva lindberg och @ahmed@kommun.test!', people).sort()).toEqual(['ahmed', 'eva']);
  });
  it('does not take a longer name for a shorter one, nor an address for a mention', () => {
    expect(mentionedIn('@Evald Ek tittar', people)).toEqual(['evald']);
    expect(mentionedIn('skriv till x@eva lindberg', people)).toEqual([]);
    expect(mentionedIn('@Eva Lindbergsson', people)).toEqual([]);
  });
  it('mentions nobody without an @', () => {
    expect(mentionedIn('Eva Lindberg borde se detta', people)).toEqual([]);
  });
});
