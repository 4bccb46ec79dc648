import { describe, expect, it } from 'vitest';
import { buildLandscape, type EntryInLandscape, type FlowInLandscape } from './landscape';

const flow = (over: Partial<FlowInLandscape> = {}): FlowInLandscape => ({
  id: 'f1',
  name: 'Utskrivning från slutenvård',
  purpose: 'Trygg hemgång',
  category: 'CORE',
  ownerName: 'Regionen',
  organisationNames: ['Regionen', 'Kommunen'],
  customerTerms: ['patient', 'brukare'],
  legalBases: ['Lag (2017:612)'],
  ...over,
});
const entry = (over: Partial<EntryInLandscape> = {}): EntryInLandscape => ({
  id: 'e1',
  name: 'IT-stöd',
  category: 'SUPPORT',
  purpose: '',
  customer: '',
  valueDelivered: '',
  legalBasis: '',
  processOwner: 'IT-chef',
  flowId: null,
  serves: [],
  ...over,
});

describe('buildLandscape', () => {
  it('puts a shared flow in its band, marked shared, with customer and legal basis from the flow', () => {
    const bands = buildLandscape([flow()], []);
    expect(bands.CORE).toEqual([
      expect.objectContaining({ id: 'f1', shared: true, customer: 'patient, brukare', legalBasis: 'Lag (2017:612)', owner: 'Regionen', flowId: 'f1' }),
    ]);
    expect(bands.SUPPORT).toEqual([]);
    expect(bands.MANAGEMENT).toEqual([]);
  });

  it('an entry describing a flow fills in what the flow lacks and is not listed twice', () => {
    const bands = buildLandscape([flow({ purpose: '' })], [entry({ id: 'e2', flowId: 'f1', category: 'CORE', purpose: 'Hem i tid', valueDelivered: 'Färre dagar på sjukhus', processOwner: 'Verksamhetschef' })]);
    expect(bands.CORE).toHaveLength(1);
    expect(bands.CORE[0]).toMatchObject({ id: 'f1', purpose: 'Hem i tid', valueDelivered: 'Färre dagar på sjukhus', owner: 'Verksamhetschef' });
  });

  it('a support process names the core processes it serves, never a support or management one', () => {
    const bands = buildLandscape([flow()], [entry({ serves: ['f1', 'e3', 'missing'] }), entry({ id: 'e3', name: 'Ekonomi', serves: ['f1'] })]);
    expect(bands.SUPPORT.find((p) => p.id === 'e1')?.serves).toEqual([{ id: 'f1', name: 'Utskrivning från slutenvård' }]);
    const core = buildLandscape([flow()], [entry({ id: 'e4', category: 'CORE', serves: ['f1'] })]).CORE.find((p) => p.id === 'e4');
    expect(core?.serves).toEqual([]);
  });

  it('a process without a flow is just an entry, not shared', () => {
    const bands = buildLandscape([], [entry({ category: 'MANAGEMENT', name: 'Verksamhetsplanering' })]);
    expect(bands.MANAGEMENT[0]).toMatchObject({ name: 'Verksamhetsplanering', flowId: null, shared: false });
  });

  it('carries the entry as written, so an admin edits what they wrote and not what the flow filled in', () => {
    const described = entry({ id: 'e2', flowId: 'f1', category: 'CORE', purpose: '' });
    const [card] = buildLandscape([flow()], [described]).CORE;
    expect(card).toMatchObject({ id: 'f1', purpose: 'Trygg hemgång', entry: described });
    expect(buildLandscape([flow()], []).CORE[0]?.entry).toBeNull();
  });

  it('an entry describing a flow the organisation left stands on its own, without the flow link', () => {
    const orphan = entry({ id: 'e5', name: 'Gammal rutin', category: 'CORE', flowId: 'gone' });
    expect(buildLandscape([flow()], [orphan]).CORE.find((p) => p.id === 'e5')).toMatchObject({ flowId: null, entry: orphan });
  });
});
