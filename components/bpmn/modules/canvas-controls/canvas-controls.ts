// Zoom in, zoom out, the whole diagram, and the overview map (diagram-js-minimap), as real buttons on the
// canvas, so zooming needs neither a wheel nor a shortcut (WCAG 2.1.1, 2.5.7). They sit in the
// canvas's right edge above bpmn.io's watermark, which must stay fully visible (bpmn.io licence), with a
// gap so a click meant for them never opens the watermark's notice.
//
// The watermark link itself gets an accessible name here (bpmn-js gives it only a title), and Escape
// closes the notice it opens. bpmn-js's PoweredByUtil.js must not be changed, so this only adds to it.

import { fitDiagram, paletteReach, type FitOptions } from '../../fit-diagram';

type Translate = (template: string) => string;
type EventBus = { on(event: string, callback: (e: { open?: boolean }) => void): void };
type Canvas = Parameters<typeof fitDiagram>[0] & {
  getContainer(): HTMLElement;
  zoom(): number;
  zoom(scale: number, center: 'auto'): void;
  getSize(): { width: number; height: number };
  resized(): void;
};
type ZoomScroll = { stepZoom(delta: number): void };
type Minimap = { toggle(open?: boolean): void; isOpen(): boolean };
type Injector = { get<T>(name: string, strict?: boolean): T | null };

const ICONS = {
  zoomIn: '<path d="M10 4v12M4 10h12" />',
  zoomOut: '<path d="M4 10h12" />',
  fit: '<path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />',
  minimap: '<rect x="2.5" y="4.5" width="15" height="11" rx="1" /><rect x="9" y="9" width="6" height="4" />',
};

/** From this canvas width the overview map opens by itself; below it, it would hide too much. */
const MINIMAP_OPEN_FROM = 960;

type Button = { element: HTMLButtonElement; label: string };

export default class CanvasControls {
  static $inject = ['canvas', 'eventBus', 'translate', 'injector'];

  private readonly buttons: Button[] = [];
  private readonly group: HTMLDivElement;

  constructor(
    private readonly canvas: Canvas,
    eventBus: EventBus,
    private readonly translate: Translate,
    injector: Injector,
  ) {
    const zoomScroll = injector.get<ZoomScroll>('zoomScroll', false);
    const minimap = injector.get<Minimap>('minimap', false);
    const step = (delta: number) =>
      zoomScroll ? zoomScroll.stepZoom(delta) : canvas.zoom(canvas.zoom() * (delta > 0 ? 1.2 : 1 / 1.2), 'auto');

    this.group = document.createElement('div');
    this.group.className = 'stafett-canvas-controls';
    this.group.setAttribute('role', 'group');
    this.add('Zoom in', ICONS.zoomIn, () => step(1));
    this.add('Zoom out', ICONS.zoomOut, () => step(-1));
    this.add('Fit the whole diagram', ICONS.fit, () => this.fit({ minScale: 0 }));
    if (minimap) {
      const toggle = this.add('Overview map', ICONS.minimap, () => minimap.toggle());
      toggle.setAttribute('aria-pressed', String(minimap.isOpen()));
      eventBus.on('minimap.toggle', (e) => toggle.setAttribute('aria-pressed', String(Boolean(e.open))));
    }
    canvas.getContainer().appendChild(this.group);
    this.label();

    let first = true;
    eventBus.on('import.done', () => {
      this.nameWatermark();
      if (first && minimap && canvas.getSize().width >= MINIMAP_OPEN_FROM) minimap.toggle(true);
      first = false;
    });
    eventBus.on('i18n.changed', () => {
      this.label();
      this.nameWatermark();
    });
    const closeNotice = (e: KeyboardEvent) => {
      const notice = document.querySelector('.bjs-powered-by-lightbox');
      if (e.key !== 'Escape' || !notice) return;
      notice.remove();
      this.watermark()?.focus();
    };
    document.addEventListener('keydown', closeNotice);
    eventBus.on('diagram.destroy', () => {
      document.removeEventListener('keydown', closeNotice);
      this.group.remove();
    });
  }

  /** The diagram at the largest scale that fits beside the palette (see fit-diagram.ts). */
  fit(options: FitOptions = {}): void {
    this.canvas.resized();
    fitDiagram(this.canvas, { left: paletteReach(this.canvas.getContainer()), ...options });
  }

  private add(label: string, icon: string, onClick: () => void): HTMLButtonElement {
    const element = document.createElement('button');
    element.type = 'button';
    element.innerHTML = `<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2">${icon}</svg>`;
    element.addEventListener('click', onClick);
    this.group.appendChild(element);
    this.buttons.push({ element, label });
    return element;
  }

  private label(): void {
    this.group.setAttribute('aria-label', this.translate('Diagram view'));
    for (const { element, label } of this.buttons) {
      element.setAttribute('aria-label', this.translate(label));
      element.title = this.translate(label);
    }
  }

  private watermark(): HTMLAnchorElement | null {
    return this.canvas.getContainer().parentElement?.querySelector<HTMLAnchorElement>('a.bjs-powered-by') ?? null;
  }

  private nameWatermark(): void {
    const link = this.watermark();
    if (!link) return;
    link.setAttribute('aria-label', this.translate('Powered by bpmn.io (opens a notice)'));
    link.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }
}
