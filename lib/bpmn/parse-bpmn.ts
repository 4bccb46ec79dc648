import type { ModdleElement, ParseResult, ParseWarning } from 'bpmn-moddle';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { dropNamespacelessElements } from './drop-namespaceless';
import { dropUndrawable } from './drop-undrawable';
import { childrenOf } from './elements';
import { sharedModdle } from './moddle';
import { findHiddenProcesses } from './hidden-processes';
import { resolvePrefixedReferences } from './prefixed-references';
import { renameDuplicateIds } from './rename-duplicate-ids';
import type { BpmnWarning } from './warnings';

export type { BpmnWarning } from './warnings';

export type ParseMode = 'strict' | 'lenient';
export type ParsedBpmn = { definitions: ModdleElement; warnings: BpmnWarning[] };
export type ParseOptions = { maxBytes?: number };

// An import from another tool is lenient (keep what resolves, report the rest); a save from our own
// editor is strict (a dangling reference there is a bug or tampering). Both refuse the same bad input.
export async function parseBpmn(xml: string, mode: ParseMode, options: ParseOptions = {}): Promise<ParsedBpmn> {
  assertSize(xml, options.maxBytes ?? env.BPMN_MAX_BYTES);
  assertNoDoctype(xml);
  const { text, warning: encodingWarning } = normaliseDeclaration(xml);
  assertDeclarationFirst(text);

  // Only an import keeps later copies of a duplicated id; a save with one is refused below.
  const deduplicated = mode === 'lenient' ? renameDuplicateIds(text) : { text, warnings: [] };

  const { rootElement, warnings: readerWarnings, elementsById } = await read(deduplicated.text);
  const unresolvedAsRead = readerWarnings.filter((w) => w.message.startsWith('unresolved reference'));
  const unresolved = resolvePrefixedReferences(rootElement, elementsById, unresolvedAsRead);
  const duplicates = readerWarnings.filter((w) => /duplicate ID/.test(w.message));
  if (mode === 'strict') assertResolved(unresolved, duplicates);

  const warnings: BpmnWarning[] = encodingWarning ? [encodingWarning] : [];
  warnings.push(...deduplicated.warnings);
  for (const w of readerWarnings) {
    if (unresolvedAsRead.includes(w) || w.message.startsWith('unsupported document encoding')) continue;
    warnings.push(describeReaderWarning(w));
  }
  warnings.push(...dropNamespacelessElements(rootElement));
  warnings.push(...dropUndrawable(rootElement, unresolved));
  if (childrenOf(rootElement, 'diagrams').length === 0) {
    warnings.push({
      code: 'NO_DIAGRAM',
      message: 'The file has no diagram (no BPMN DI): its elements have no positions to draw.',
    });
  }
  // What an import shows: a save from our own editor needs no report of it.
  if (mode === 'lenient') warnings.push(...findHiddenProcesses(rootElement));
  return { definitions: rootElement, warnings };
}

function assertSize(xml: string, maxBytes: number): void {
  // Cheap upper bound first: a UTF-8 character is at most 3 bytes per UTF-16 code unit.
  if (xml.length * 3 <= maxBytes) return;
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes > maxBytes) {
    const mb = (maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    throw new AppError('PAYLOAD_TOO_LARGE', `The BPMN file is too large: the limit is ${mb} MB.`, { reason: 'TOO_LARGE', maxBytes });
  }
}

// Refused before any parser sees the text: DTDs enable external entities (XXE) and entity
// expansion bombs ("billion laughs"), and no BPMN tool needs them.
function assertNoDoctype(xml: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new AppError(
      'INVALID',
      'The BPMN file must not contain a DOCTYPE or entity declarations (<!DOCTYPE …>, <!ENTITY …>). Export it again without them.',
      { reason: 'DOCTYPE' },
    );
  }
}

const DECLARATION = /^<\?xml\s[^?]*\?>/;
const DECLARATION_ANYWHERE = /<\?xml[\s?]/gi;
const FIRST_ELEMENT = /<[A-Za-z_:]/;

// XML 1.0 §2.8: the declaration, when there is one, is the very first thing in the document (after a
// byte-order mark); a target "xml" anywhere else is reserved. A processing instruction, whitespace or a
// second BOM before it makes the file not well-formed, though our reader would accept it. Only the
// prolog is looked at: a CDATA section further down may quote an XML file.
function assertDeclarationFirst(text: string): void {
  const firstElement = text.search(FIRST_ELEMENT);
  const prolog = firstElement === -1 ? text : text.slice(0, firstElement);
  const late = [...prolog.matchAll(DECLARATION_ANYWHERE)].some((m) => m.index > 0);
  if (!late) return;
  throw notXml(undefined, 'The XML declaration (<?xml …?>) must come first in the file, with nothing before it');
}
const ENCODING = /\bencoding\s*=\s*(["'])([^"']*)\1/i;

// The body reaches us as a JS string, already decoded: a declared encoding other than UTF-8 no longer
// describes the text, so we rewrite the declaration and tell the user what the file claimed.
function normaliseDeclaration(xml: string): { text: string; warning?: BpmnWarning } {
  const text = xml.replace(/^\uFEFF/, '');
  const declaration = DECLARATION.exec(text)?.[0];
  const encoding = declaration ? ENCODING.exec(declaration)?.[2] : undefined;
  if (!declaration || !encoding || /^utf-?8$/i.test(encoding)) return { text };
  return {
    text: text.replace(declaration, declaration.replace(ENCODING, 'encoding="UTF-8"')),
    warning: {
      code: 'ENCODING',
      message: `The file declares the encoding ${encoding}; it was read as UTF-8. Check that letters such as å, ä and ö look right.`,
    },
  };
}

async function read(text: string): Promise<Pick<ParseResult, 'rootElement' | 'warnings' | 'elementsById'>> {
  if (!text.trimStart().startsWith('<')) throw notXml();
  try {
    const { rootElement, warnings, elementsById } = await sharedModdle().fromXML(text, 'bpmn:Definitions', { lax: true });
    return { rootElement, warnings, elementsById };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.startsWith('failed to parse document as')) {
      throw new AppError(
        'INVALID',
        'This is not a BPMN 2.0 file: its root element must be <bpmn:definitions> in the BPMN 2.0 namespace.',
        { reason: 'NOT_BPMN' },
      );
    }
    throw notXml(message);
  }
}

function notXml(detail?: string, why?: string): AppError {
  const where = detail ? /line: (\d+)\s+column: (\d+)/.exec(detail) : null;
  // The reader counts from 0; people and editors count from 1.
  const position = where ? { line: Number(where[1]) + 1, column: Number(where[2]) + 1 } : {};
  const at = where ? ` (near line ${position.line}, column ${position.column})` : '';
  const because = why ? `: ${why}` : '';
  return new AppError('INVALID', `The file is not well-formed XML${at}${because}. Export it again from your modelling tool.`, {
    reason: 'NOT_XML',
    ...position,
  });
}

function assertResolved(unresolved: ParseWarning[], duplicates: ParseWarning[]): void {
  if (duplicates.length > 0) {
    const ids = unique(duplicates.map((w) => /duplicate ID <([^>]*)>/.exec(w.message)?.[1] ?? '?'));
    throw new AppError('INVALID', `The diagram uses the same id more than once: ${listIds(ids)}.`, {
      reason: 'DUPLICATE_ID',
      elementIds: ids,
    });
  }
  if (unresolved.length === 0) return;
  const ids = unique(unresolved.map((w) => w.value ?? '?'));
  const from = unique(unresolved.map((w) => w.element?.id).filter((id): id is string => Boolean(id)));
  throw new AppError(
    'INVALID',
    `The diagram refers to elements that do not exist: ${listIds(ids)}${from.length ? ` (from ${listIds(from)})` : ''}.`,
    { reason: 'DANGLING_REFERENCE', elementIds: ids, fromElementIds: from },
  );
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, 5).map((id) => `"${id}"`).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

function describeReaderWarning(w: ParseWarning): BpmnWarning {
  const duplicate = /duplicate ID <([^>]*)>/.exec(w.message);
  if (duplicate) {
    return { code: 'DUPLICATE_ID', elementId: duplicate[1], message: `A second element with id "${duplicate[1]}" was ignored.` };
  }
  const tag = /unparsable content (<[^>\s]+>?)/.exec(w.message)?.[1];
  const nested = /nested error: (.*)$/m.exec(w.message)?.[1];
  return {
    code: 'UNKNOWN_CONTENT',
    message: `Content Stafett does not understand was skipped${tag ? `: ${tag}` : ''}${nested ? ` (${nested})` : ''}.`,
  };
}
