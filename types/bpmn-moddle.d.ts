// bpmn-moddle 10 ships generated types only under 'bpmn-moddle/types' (and not for the package entry),
// and @types/bpmn-moddle describes v9's default export. This declares the part of the API we use:
// the named BpmnModdle export, fromXML/toXML/create, and moddle elements as loosely typed objects.
declare module 'bpmn-moddle' {
  export type ModdleElement = {
    readonly $type: string;
    $parent?: ModdleElement;
    $attrs: Record<string, string>;
    id?: string;
    name?: string;
    get(property: string): unknown;
    set(property: string, value: unknown): void;
    $instanceOf(type: string): boolean;
    [property: string]: unknown;
  };

  /** A reader warning; unresolved references carry the element, the property and the missing id. */
  export type ParseWarning = {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: string;
    error?: Error;
  };

  export type ParseResult = {
    rootElement: ModdleElement;
    references: unknown[];
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  };

  /** A moddle package descriptor (the JSON of an extension such as lib/bpmn/stafett.json). */
  export type ModdlePackage = {
    name: string;
    uri: string;
    prefix: string;
    types: unknown[];
    [key: string]: unknown;
  };

  export class BpmnModdle {
    constructor(packages?: Record<string, ModdlePackage>, options?: Record<string, unknown>);
    /** Rejects with an Error (with a `warnings` array) when the XML is not well formed. */
    fromXML(xml: string, typeName?: string, options?: { lax?: boolean }): Promise<ParseResult>;
    toXML(
      element: ModdleElement,
      options?: { format?: boolean; preamble?: boolean },
    ): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}
