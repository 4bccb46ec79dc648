import minimapModule from 'diagram-js-minimap';
import CanvasControls from './canvas-controls';

/** bpmn-js module: zoom buttons and the overview map on the canvas. For the Modeler and the Viewers. */
const canvasControlsModule = {
  __depends__: [minimapModule],
  __init__: ['canvasControls'],
  canvasControls: ['type', CanvasControls],
};

export default canvasControlsModule;
