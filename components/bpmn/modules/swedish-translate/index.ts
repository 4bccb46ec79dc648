import { translateFor } from './translate-sv';
import UiLocale from './ui-locale';

/**
 * bpmn-js module: replaces the `translate` service with one that follows the UI language (Swedish or
 * English), read on every call from the `uiLocale` service (config `uiLocale: { locale }`), so a language
 * switch needs no new Modeler. See bpmn-js-examples/i18n.
 */
const swedishTranslateModule = {
  uiLocale: ['type', UiLocale],
  translate: ['factory', translateFactory],
};

function translateFactory(uiLocale: UiLocale) {
  return (template: string, replacements?: Record<string, string>) => translateFor(uiLocale.locale, template, replacements);
}
translateFactory.$inject = ['uiLocale'];

export default swedishTranslateModule;
