// The UI language the diagram's texts follow. It is mutable because the Modeler is created once per
// page (re-creating it would drop unsaved work): a language switch calls `set`, and bpmn-js's own
// 'i18n.changed' event makes the palette re-render (diagram-js Palette listens for it). The context pad
// renders its entries when it opens, so an open pad is re-opened here.

type EventBus = { on(event: string, callback: () => void): void; fire(event: string): void };
type ContextPad = { isOpen(target?: unknown): boolean; open(target: unknown, force?: boolean): void };
type Selection = { get(): unknown[] };
type Injector = { get<T>(name: string, strict?: boolean): T | null };

export type UiLocaleConfig = { locale?: string };

export default class UiLocale {
  static $inject = ['config.uiLocale', 'eventBus', 'injector'];

  locale: string;

  constructor(
    config: UiLocaleConfig | undefined,
    private readonly eventBus: EventBus,
    injector: Injector,
  ) {
    this.locale = config?.locale ?? 'sv';
    eventBus.on('i18n.changed', () => {
      // Viewers have no context pad; the Modeler does.
      const contextPad = injector.get<ContextPad>('contextPad', false);
      const selected = injector.get<Selection>('selection', false)?.get() ?? [];
      if (!contextPad || selected.length === 0 || !contextPad.isOpen()) return;
      contextPad.open(selected.length === 1 ? selected[0] : selected, true);
    });
  }

  /** Switches the diagram's texts to `locale` without touching the diagram or its undo history. */
  set(locale: string): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.eventBus.fire('i18n.changed');
  }
}
