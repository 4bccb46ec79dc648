import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, mappingFormInput, mappingFormSchema, newFlowFormInput, newFlowFormSchema } from './flow-forms';

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
}

describe('new flow form', () => {
  it('groups role checkboxes by organisation and keeps the rest', () => {
    const input = newFlowFormInput(
      formOf([
        ['name', '  Utskrivning  '],
        ['purpose', 'Trygg hemgång'],
        ['category', 'CORE'],
        ['ownerOrganisationId', 'k'],
        ['organisationIds', 'k'],
        ['organisationIds', 'r'],
        ['roles.k', 'k1'],
        ['roles.k', 'k2'],
        ['roles.r', 'r1'],
      ]),
    );
    const parsed = newFlowFormSchema.parse(input);
    expect(parsed).toEqual({
      name: 'Utskrivning',
      purpose: 'Trygg hemgång',
      category: 'CORE',
      ownerOrganisationId: 'k',
      organisationIds: ['k', 'r'],
      roles: { k: ['k1', 'k2'], r: ['r1'] },
    });
  });

  it('names each field that is wrong with a message key', () => {
    const parsed = newFlowFormSchema.safeParse(newFlowFormInput(formOf([['name', '   '], ['category', 'OTHER']])));
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      name: 'validation.nameRequired',
      category: 'validation.categoryRequired',
      ownerOrganisationId: 'validation.ownerRequired',
      organisationIds: 'validation.organisationsRequired',
    });
  });

  it('requires the owner to take part in the flow', () => {
    const parsed = newFlowFormSchema.safeParse(
      newFlowFormInput(formOf([['name', 'X'], ['category', 'CORE'], ['ownerOrganisationId', 'k'], ['organisationIds', 'r']])),
    );
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ ownerOrganisationId: 'validation.ownerMustTakePart' });
  });
});

describe('mapping form', () => {
  it('reads pool and lane selects and keeps "not linked" as an empty string', () => {
    const input = mappingFormInput(
      formOf([
        ['baseVersion', '3'],
        ['participant:P1', 'org-k'],
        ['participant:P2', ''],
        ['lane:L1', 'role-1'],
        ['lane:L2', ''],
      ]),
    );
    // "Inte kopplad" ('') travels: it is how a link that exists is removed.
    expect(mappingFormSchema.parse(input)).toEqual({
      keepNames: [],
      baseVersion: 3,
      participants: { P1: 'org-k', P2: '' },
      lanes: { L1: 'role-1', L2: '' },
    });
  });

  it('refuses a missing base version', () => {
    expect(mappingFormSchema.safeParse(mappingFormInput(formOf([['participant:P1', 'k']]))).success).toBe(false);
  });
});
