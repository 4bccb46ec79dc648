import FindingBadges from './finding-badges';
import StepDetails from './step-details';

/**
 * bpmn-js module: the `stepDetails` service (read, select and change an element's name, description,
 * RACI and step or handover details) and `findingBadges` (a badge on each element with a finding).
 * Modeler and Viewer; writing needs the Modeler.
 */
const stepDetailsModule = {
  __init__: ['stepDetails', 'findingBadges'],
  stepDetails: ['type', StepDetails],
  findingBadges: ['type', FindingBadges],
};

export default stepDetailsModule;

export type { DetailsChange, DetailsChoice, ElementDetails, StepDetailsService } from './step-details';
export type { FindingBadgesConfig, FindingBadgesService } from './finding-badges';
