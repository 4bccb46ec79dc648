import LiveSync from './live-sync';

/** bpmn-js module: the `liveSync` service (local ops out, remote ops in place). Modeler only. */
const liveSyncModule = {
  __init__: ['liveSync'],
  liveSync: ['type', LiveSync],
};

export default liveSyncModule;
