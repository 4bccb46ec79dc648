import { SV_TEXTS } from './sv-texts';

type Replacements = Record<string, string>;

function fill(text: string, replacements: Replacements): string {
  return text.replace(/{([^}]+)}/g, (match, key: string) => replacements[key] ?? match);
}

/** bpmn-js's `translate` service in Swedish: the template in Swedish when known, then the {placeholders}. */
export function translateSv(template: string, replacements: Replacements = {}): string {
  return fill(SV_TEXTS[template] ?? template, replacements);
}

/** The `translate` for a UI language: Swedish for 'sv', bpmn-js's own English templates otherwise. */
export function translateFor(locale: string, template: string, replacements: Replacements = {}): string {
  return locale === 'sv' ? translateSv(template, replacements) : fill(template, replacements);
}
