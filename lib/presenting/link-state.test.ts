import { describe, expect, it } from 'vitest';
import { presentationLinkOf } from './link-state';

describe('presentationLinkOf', () => {
  it('reads a guest link and a follow link, and nothing else', () => {
    expect(presentationLinkOf('/guest/ABC234.xyz', new URLSearchParams())).toEqual({ kind: 'guest', token: 'ABC234.xyz' });
    expect(presentationLinkOf('/flows/f1/present', new URLSearchParams('session=ABC234'))).toEqual({ kind: 'follow', flowId: 'f1', code: 'ABC234' });
    expect(presentationLinkOf('/flows/f1/present', new URLSearchParams())).toBeNull();
    expect(presentationLinkOf('/flows/f1', new URLSearchParams('session=ABC234'))).toBeNull();
    expect(presentationLinkOf('/guest/a/b', new URLSearchParams())).toBeNull();
  });
});
