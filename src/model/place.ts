/** A 1-based position in a source file (line, column) plus its 0-based character offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A source range: where a model node or field was written. */
export interface Place {
  start: Point;
  end: Point;
}

/** Every model node may carry its own place and the places of its individual fields. */
export interface Located {
  /** Range of the whole node (a table row, a YAML map, a list item). */
  place?: Place;
  /** Range of individual fields, keyed by field name (`trigger`, `deadline`, `role`, …). */
  fields?: Record<string, Place>;
  /**
   * Cells written under a column yuan could not read (an unknown header, already a `parse/unknown-column` error), by
   * header: the value a rule finds missing may be there, so rules do not report it missing a second time.
   */
  unread?: Record<string, Place>;
}

/** Formats a place as `line:column-line:column` (unist style). */
export function formatPlace(place: Place | undefined): string {
  if (!place) return '1:1';
  const { start, end } = place;
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

/** The place of a named field if known, else the node's own place. */
export function placeOf(node: Located | undefined, field?: string): Place | undefined {
  if (!node) return undefined;
  return (field && node.fields?.[field]) || node.place;
}
