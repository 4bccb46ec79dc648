import WordBreakTextRenderer from './word-break-text-renderer';

/** bpmn-js module: labels break long words at Swedish syllables with a hyphen, never mid-syllable. */
const wordBreakModule = {
  textRenderer: ['type', WordBreakTextRenderer],
};

export default wordBreakModule;
