import type { NamespaceName } from '@switchboard/shared';
import { clientEventSchemas } from '@switchboard/shared/schemas';

/**
 * The client event names of a namespace: the keys of its schema map in
 * shared, which the compiler ties to the event map, so an event added to a
 * map is fuzzed without anyone remembering to list it here.
 */
export function clientEventNames(namespace: NamespaceName): string[] {
  return Object.keys(clientEventSchemas[namespace]).sort();
}
