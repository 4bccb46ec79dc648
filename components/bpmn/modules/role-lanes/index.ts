import RoleLanes from './role-lanes';

/** bpmn-js module: the `roleLanes` service (pools with their roles; add a lane for a role). Modeler only. */
const roleLanesModule = {
  roleLanes: ['type', RoleLanes],
};

export default roleLanesModule;
