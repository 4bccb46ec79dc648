import PoolRights from './pool-rights';

/** bpmn-js module: the `poolRights` rule provider (other organisations' pools are read-only). Modeler only. */
const poolRightsModule = {
  __init__: ['poolRights'],
  poolRights: ['type', PoolRights],
};

export default poolRightsModule;
