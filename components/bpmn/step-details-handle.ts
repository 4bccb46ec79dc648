import type { Finding } from '@/lib/domain/responsibility/checks';
import type {
  DetailsChange,
  DetailsChoice,
  ElementDetails,
  FindingBadgesConfig,
  FindingBadgesService,
  StepDetailsService,
} from './modules/step-details';

export type { DetailsChange, DetailsChoice, ElementDetails, FindingBadgesConfig };

/** The step details panel's window on a drawn diagram (Modeler or Viewer); bpmn-js itself stays inside. */
export type StepDetailsHandle = {
  selectedElementId(): string | undefined;
  describeElement(id: string): ElementDetails | undefined;
  detailChoices(): DetailsChoice[];
  /** Selects and centres the element; false when the diagram has no such element (yet). */
  selectElement(id: string): boolean;
  /** Called on every selection change, model change and import, also for a diagram still loading. */
  subscribeDetails(listener: () => void): () => void;
  configureFindings(config: FindingBadgesConfig): void;
  findings(): Finding[];
};

export type StepDetailsWriter = {
  /** One command on the command stack per call (Modeler only). */
  updateElementDetails(id: string, change: DetailsChange): void;
};

type Diagram = { get<T>(name: string): T };

/**
 * Wires the handle to a diagram that may not exist yet: listeners and the findings configuration are
 * kept here and attached when `attach` is called with the created diagram.
 */
export function stepDetailsBridge() {
  const listeners = new Set<() => void>();
  let diagram: Diagram | null = null;
  let findingsConfig: FindingBadgesConfig | undefined;
  const service = () => diagram?.get<StepDetailsService>('stepDetails');
  const badges = () => diagram?.get<FindingBadgesService>('findingBadges');

  const handle: StepDetailsHandle & StepDetailsWriter = {
    selectedElementId: () => service()?.selectedId(),
    describeElement: (id) => service()?.describe(id),
    detailChoices: () => service()?.choices() ?? [],
    selectElement: (id) => service()?.select(id) ?? false,
    subscribeDetails: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    configureFindings: (config) => {
      findingsConfig = config;
      badges()?.configure(config);
    },
    findings: () => badges()?.findings() ?? [],
    updateElementDetails: (id, change) => {
      const s = service();
      if (!s) throw new Error('The diagram is not ready yet.');
      s.update(id, change);
    },
  };

  return {
    handle,
    attach(created: Diagram | null) {
      diagram = created;
      if (!created) return;
      created.get<StepDetailsService>('stepDetails').subscribe(() => listeners.forEach((l) => l()));
      if (findingsConfig) created.get<FindingBadgesService>('findingBadges').configure(findingsConfig);
    },
  };
}
