import KeyboardEdit from './keyboard-edit';

/** bpmn-js module: the `keyboardEdit` service (add a step or a handover without a pointer). Modeler only. */
const keyboardEditModule = {
  __init__: ['keyboardEdit'],
  keyboardEdit: ['type', KeyboardEdit],
};

export default keyboardEditModule;
