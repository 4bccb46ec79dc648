import type { Indicator } from '@/lib/domain/indicators/indicator';
import { IndicatorCard } from './indicator-card';
import { IndicatorValuesForm } from './indicator-values-form';

type Props = {
  flowId: string;
  indicators: Indicator[];
  elements: { elementId: string; name: string; timeLimit: string | null }[];
  /** Value entry for those who keep the indicators; the handbook shows the cards only. */
  editable: boolean;
};

export function IndicatorList({ flowId, indicators, elements, editable }: Props) {
  const byId = new Map(elements.map((e) => [e.elementId, e]));
  return indicators.map((indicator) => (
    <IndicatorCard key={indicator.id} indicator={indicator} element={byId.get(indicator.elementId)}>
      {editable ? <IndicatorValuesForm flowId={flowId} indicatorId={indicator.id} indicatorName={indicator.name} /> : null}
    </IndicatorCard>
  ));
}
