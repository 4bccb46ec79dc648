import EverydayPaletteProvider from './everyday-palette-provider';

/** bpmn-js module: the palette in an order that suits non-specialists. Needs the Modeler's palette. */
const everydayPaletteModule = {
  __init__: ['everydayPaletteProvider'],
  everydayPaletteProvider: ['type', EverydayPaletteProvider],
};

export default everydayPaletteModule;
