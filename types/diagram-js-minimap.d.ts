// diagram-js-minimap ships no types; it is a plain diagram-js module.
declare module 'diagram-js-minimap' {
  const minimapModule: Record<string, unknown>;
  export default minimapModule;
}
