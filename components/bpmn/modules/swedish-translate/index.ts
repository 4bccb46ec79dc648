import { translateSv } from './translate-sv';

/** bpmn-js module: replaces the `translate` service with Swedish. Add it only when the UI locale is sv. */
const swedishTranslateModule = {
  translate: ['value', translateSv],
};

export default swedishTranslateModule;
