import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { BPMN_WARNING_CODES } from '@/lib/bpmn/warnings';
import { IMPORT_ONLY_WARNING_CODES } from '@/lib/db/flows/import-warning-codes';
import { LOCALES, type Locale } from './config';
import { REFUSAL_REASONS, TRANSLATED_CODES, refusalMessage, refusalOf, type Refusal } from './refusal-message';

type Tree = { [key: string]: string | Tree };

function messagesOf(locale: Locale, namespace: string): Tree {
  return JSON.parse(readFileSync(path.join(__dirname, 'messages', locale, `${namespace}.json`), 'utf8')) as Tree;
}

// Messages read from JSON are untyped here, as in the app (no next-intl AppConfig).
function errorsTranslator(locale: Locale): Parameters<typeof refusalMessage>[0] {
  const t = createTranslator({
    locale,
    messages: { errors: messagesOf(locale, 'errors') },
    namespace: 'errors',
    // A missing key or broken ICU syntax fails the test instead of printing the key.
    onError: (error) => {
      throw error;
    },
  });
  return t as unknown as Parameters<typeof refusalMessage>[0];
}

const SERVER_MESSAGE = 'English words from the server';

describe.each(LOCALES)('refusal messages in %s', (locale) => {
  const errors = messagesOf(locale, 'errors');
  const t = errorsTranslator(locale);

  it.each(REFUSAL_REASONS)('has a sentence for the reason %s, without the server’s English', (reason) => {
    expect(typeof (errors.reasons as Tree)[reason]).toBe('string');
    const text = refusalMessage(t, { reason, message: SERVER_MESSAGE, elementIds: ['Task_1'], line: 4, maxBytes: 5 * 1024 * 1024 });
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain(SERVER_MESSAGE);
  });

  it.each(TRANSLATED_CODES)('has a sentence for the code %s', (code) => {
    expect(typeof (errors.codes as Tree)[code]).toBe('string');
    expect(refusalMessage(t, { code, message: SERVER_MESSAGE })).not.toContain(SERVER_MESSAGE);
  });

  it('fills in ids, line, limit and versions', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `Ghost_${i + 1}`);
    const dangling = refusalMessage(t, { reason: 'DANGLING_REFERENCE', message: SERVER_MESSAGE, elementIds: ids });
    expect(dangling).toContain('”Ghost_1”');
    expect(dangling).toContain('”Ghost_5”');
    expect(dangling).not.toContain('Ghost_6');
    expect(dangling).toContain('2');
    expect(refusalMessage(t, { reason: 'NOT_XML', message: SERVER_MESSAGE, line: 12 })).toContain('12');
    expect(refusalMessage(t, { reason: 'NOT_XML', message: SERVER_MESSAGE })).not.toMatch(/\d/);
    expect(refusalMessage(t, { reason: 'TOO_LARGE', message: SERVER_MESSAGE, maxBytes: 5 * 1024 * 1024 })).toContain('5 MB');
    const stale: Refusal = { reason: 'STALE_VERSION', message: SERVER_MESSAGE, baseVersion: 3, headVersion: 4 };
    expect(refusalMessage(t, stale)).toMatch(/3.*4/);
  });

  it('falls back to a generic sentence with the server’s message for an unknown reason', () => {
    const text = refusalMessage(t, { code: 'INVALID', reason: 'SOMETHING_NEW', message: SERVER_MESSAGE });
    expect(text).toContain(SERVER_MESSAGE);
    expect(text).not.toBe(SERVER_MESSAGE);
  });

  it('has words for every import warning code on the import page', () => {
    const codes = (messagesOf(locale, 'flow').import as Tree).warningCodes as Tree;
    for (const code of [...BPMN_WARNING_CODES, ...IMPORT_ONLY_WARNING_CODES]) {
      expect(typeof codes[code], code).toBe('string');
    }
  });
});

describe('refusalOf', () => {
  it('reads code, message and the details of an AppError', () => {
    expect(refusalOf({ code: 'INVALID', message: 'm', details: { reason: 'DUPLICATE_ID', elementIds: ['A'] } })).toEqual({
      code: 'INVALID',
      message: 'm',
      reason: 'DUPLICATE_ID',
      elementIds: ['A'],
    });
  });
});

it('sv and en have the same keys in errors', () => {
  const keys = (tree: Tree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
  expect(keys(messagesOf('sv', 'errors')).sort()).toEqual(keys(messagesOf('en', 'errors')).sort());
});
