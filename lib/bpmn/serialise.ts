import type { ModdleElement } from 'bpmn-moddle';
import { sharedModdle } from './moddle';

/** BPMN 2.0 XML of a definitions tree, indented so that diffs and downloads are readable. */
export async function toXml(definitions: ModdleElement): Promise<string> {
  const { xml } = await sharedModdle().toXML(definitions, { format: true });
  return xml;
}
