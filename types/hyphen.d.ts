// hyphen ships no types. Each language is its own entry point with the same API (hyphen/README.md).
declare module 'hyphen/sv' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
