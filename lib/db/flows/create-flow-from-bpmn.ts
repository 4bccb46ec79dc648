import { organisationsWhere, type Actor } from '@/lib/auth/policy';
import type { ModdleElement } from 'bpmn-moddle';
import { parseBpmn, type BpmnWarning } from '@/lib/bpmn/parse-bpmn';
import { toXml } from '@/lib/bpmn/serialise';
import { addGeneratedDiagram } from '@/lib/domain/auto-layout';
import { AppError } from '@/lib/errors';
import { importFlowMetaSchema, parseFlowInput, type ImportFlowMeta } from '@/lib/validation/flows';
import { chooseOwner, insertFlow } from './insert-flow';
import { nameInFile, pruneUnknownLinks, type ImportWarning } from './organisation-links';

export const DEFAULT_IMPORT_NAME = 'Importerat flöde';

export type ImportedFlow = { id: string; version: number; warnings: ImportWarning[] };

/**
 * A new flow from a BPMN file made anywhere. The parse is LENIENT: what resolves is kept, what cannot
 * be drawn is dropped and reported (STACK-NOTES: one real file in five has such problems). Revision 1
 * is the file as our moddle re-serialises it, so what is stored is what the user will see.
 * Pools linked to known organisations make those organisations participants; the others stay unmapped
 * for the mapping step.
 */
export async function createFlowFromBpmn(actor: Actor, xml: string, rawMeta: ImportFlowMeta = {}): Promise<ImportedFlow> {
  const meta = parseFlowInput(importFlowMetaSchema, rawMeta);
  const creatable = organisationsWhere(actor, 'flow.create');
  // Refuse before parsing: a user who can create nowhere should not make the server parse 5 MB.
  if (creatable.length === 0) {
    throw new AppError('FORBIDDEN', 'You need editor access in an organisation to import a flow.');
  }
  const parsed = await parseBpmn(xml, 'lenient');
  const { definitions } = parsed;
  const warnings = withGeneratedDiagram(definitions, parsed.warnings);
  const links = await pruneUnknownLinks(definitions);
  const ownerId = chooseOwner(actor, meta.ownerOrganisationId, [...links.organisationIds, ...creatable]);
  const name = (meta.name ?? nameInFile(definitions) ?? DEFAULT_IMPORT_NAME).slice(0, 200);
  const allWarnings: ImportWarning[] = [...warnings, ...links.warnings];
  const created = await insertFlow({
    actor,
    name,
    purpose: meta.purpose ?? '',
    category: meta.category ?? 'CORE',
    ownerId,
    participantIds: links.organisationIds,
    xml: await writeImported(definitions),
    message: 'Importerad från BPMN-fil',
    auditData: { imported: true, warnings: allWarnings.length },
  });
  return { ...created, warnings: allWarnings };
}

/**
 * The parser drops what BPMN's writer cannot write (content in no namespace), but a file from
 * elsewhere may hold something else it chokes on: that is the file's problem (400), never ours (500).
 */
async function writeImported(definitions: ModdleElement): Promise<string> {
  try {
    return await toXml(definitions);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new AppError('INVALID', `Stafett could not write this file back as BPMN (${detail.slice(0, 200)}).`, { reason: 'UNWRITABLE_CONTENT' });
  }
}

/**
 * A file without a diagram (DI) would open as a blank canvas; we lay it out instead, and the notice
 * says so in place of "no diagram". If no layout can be made, the NO_DIAGRAM warning stays.
 */
function withGeneratedDiagram(definitions: ModdleElement, warnings: BpmnWarning[]): ImportWarning[] {
  if (!warnings.some((w) => w.code === 'NO_DIAGRAM') || !addGeneratedDiagram(definitions)) return warnings;
  return [
    ...warnings.filter((w) => w.code !== 'NO_DIAGRAM'),
    {
      code: 'GENERATED_DIAGRAM',
      message: 'The file had no diagram, so Stafett laid it out: pools, lanes and steps in order. Check the positions.',
    },
  ];
}
