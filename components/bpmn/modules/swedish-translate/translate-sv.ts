import { SV_TEXTS } from './sv-texts';

/** bpmn-js's `translate` service in Swedish: the template in Swedish when known, then the {placeholders}. */
export function translateSv(template: string, replacements: Record<string, string> = {}): string {
  const text = SV_TEXTS[template] ?? template;
  return text.replace(/{([^}]+)}/g, (match, key: string) => replacements[key] ?? match);
}
