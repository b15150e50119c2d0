import type { MessageKey } from './catalogue';

/** The label of a focus area's kind; anything unexpected reads as a plain focus area. */
export function focusAreaKindKey(kind: string): MessageKey {
  return kind === 'target-group' ? 'kind.target-group' : 'kind.focus-area';
}
