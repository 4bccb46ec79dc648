import { describe, expect, it } from 'vitest';
import { demoDefinitions, role } from './demo-fixture';
import { projectResponsibility, type ActivityRaci } from './raci';
import { filterMatrix, raciCsv, raciMatrix } from './raci-matrix';

const catalogue = [
  { id: 'org-r', name: 'Regionen', colour: '#1d5fa8', customerTerm: 'patient', roles: [{ id: 'r-lak', name: 'Läkare' }, { id: 'r-ssk', name: 'Avdelningssjuksköterska' }, { id: 'r-unused', name: 'Kurator' }] },
  { id: 'org-k', name: 'Kommunen', colour: '#2e7d4f', customerTerm: 'brukare', roles: [{ id: 'k-bist', name: 'Biståndshandläggare' }] },
];
const activity = (elementId: string, name: string, cells: Partial<Pick<ActivityRaci, 'R' | 'A' | 'C' | 'I'>>, organisationId = 'org-r'): ActivityRaci => ({
  elementId, name, type: 'bpmn:Task', organisationId, responsibleFromLane: false, details: { touchpoint: false }, R: [], A: [], C: [], I: [], ...cells,
});

describe('raciMatrix and raciCsv', () => {
  it('groups the used roles by organisation, lane order first, and writes the CSV Excel opens right', () => {
    const matrix = raciMatrix(
      [activity('T1', 'Bedöma "behov"; akut', { R: ['r-lak'], A: ['r-lak'], I: ['k-bist'] }), activity('T2', '=SUMMA(A1)', { R: ['k-bist'], A: ['ghost'] }, 'org-k')],
      catalogue,
      ['r-ssk', 'r-lak'],
    );
    expect(matrix.columns.map((c) => c.roleId)).toEqual(['r-ssk', 'r-lak', 'k-bist', 'ghost']);
    const csv = raciCsv(matrix, catalogue, { activity: 'Aktivitet', organisation: 'Organisation', unnamed: '(namnlös)' });
    expect(csv).toBe(
      '\uFEFFAktivitet;Organisation;Regionen: Avdelningssjuksköterska;Regionen: Läkare;Kommunen: Biståndshandläggare;ghost\r\n' +
        '"Bedöma ""behov""; akut";Regionen;;R/A;I;\r\n' +
        "'=SUMMA(A1);Kommunen;;;R;A\r\n",
    );
  });

  it('makes a row per demo activity in flow order, with the lane role as R', async () => {
    const p = projectResponsibility(await demoDefinitions());
    const matrix = raciMatrix(p.activities, [], p.lanes.flatMap((l) => (l.roleId ? [l.roleId] : [])));
    expect(matrix.rows[0]!.cells).toEqual({ [role('region', 'Läkare')]: ['R', 'A'], [role('region', 'Avdelningssjuksköterska')]: ['I'] });
  });
});

describe('filterMatrix', () => {
  it("keeps one organisation's columns, and the rows in its pool or where its roles have a letter", () => {
    const matrix = raciMatrix(
      [activity('T1', 'Region only', { R: ['r-lak'] }), activity('T2', 'Region informs kommun', { R: ['r-lak'], I: ['k-bist'] }), activity('T3', 'Kommun', { R: ['k-bist'] }, 'org-k')],
      catalogue,
    );
    const kommun = filterMatrix(matrix, 'org-k');
    expect(kommun.columns.map((c) => c.roleId)).toEqual(['k-bist']);
    expect(kommun.rows.map((r) => r.elementId)).toEqual(['T2', 'T3']);
    expect(filterMatrix(matrix, undefined)).toBe(matrix);
  });
});
