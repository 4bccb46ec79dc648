import { expect, it } from 'vitest';
import enHistory from './messages/en/history.json';
import enResponsibility from './messages/en/responsibility.json';
import svHistory from './messages/sv/history.json';
import svResponsibility from './messages/sv/responsibility.json';
import { CHECK_CODES } from '@/lib/domain/responsibility/checks';
import { DETAIL_FIELDS } from '@/lib/domain/responsibility/diff-responsibility';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

it('sv and en have the same keys in responsibility and history', () => {
  expect(keys(svResponsibility).sort()).toEqual(keys(enResponsibility).sort());
  expect(keys(svHistory).sort()).toEqual(keys(enHistory).sort());
});

it('every check code and every changed detail has its words', () => {
  for (const code of CHECK_CODES) expect(keys(svResponsibility)).toContain(`checks.${code}`);
  for (const field of DETAIL_FIELDS) expect(keys(svHistory)).toContain(`diff.detailFields.${field}`);
});
