// A live query over a table, whose rows are decoded once and reused while they are unchanged. LiveStore
// re-reads a query whenever its table is written and decodes every row it read with Effect Schema: a send
// in a channel re-read the whole window and decoded each of its ~100 rows again (~3.7 KB of garbage per row,
// ~30% of what the page allocated per send), for one new row. Reading stays LiveStore's; only the decoding of
// rows already seen, with the same columns, is skipped.
import { type Bindable, type LiveQueryDef, queryDb, Schema } from '@livestore/livestore'

type RawRow = Readonly<Record<string, unknown>>

/** The rows as SQLite returned them: decoded below, row by row, with the table's own schema. */
const RawRows = Schema.declare((input: unknown): input is readonly RawRow[] => Array.isArray(input))

const sameColumns = (a: RawRow, b: RawRow) => {
  for (const column in a) if (a[column] !== b[column]) return false
  return true
}

/**
 * Maps a read's raw rows to decoded ones, reusing the previous read's decoded row for each id whose columns
 * are unchanged, and the previous result itself when every row is: a view then gets the same objects back,
 * and LiveStore's `useQuery`, which compares a new result with the one shown, renders nothing for it.
 */
const decodeReusingRows = <Row>(decodeRow: (raw: RawRow) => Row) => {
  let previous = new Map<unknown, { raw: RawRow; row: Row }>()
  let previousRows: readonly Row[] = []
  return (rawRows: readonly RawRow[]): readonly Row[] => {
    const next = new Map<unknown, { raw: RawRow; row: Row }>()
    let changed = rawRows.length !== previousRows.length
    const rows = rawRows.map((raw, index) => {
      const kept = previous.get(raw.id)
      const entry = kept !== undefined && sameColumns(kept.raw, raw) ? kept : { raw, row: decodeRow(raw) }
      next.set(raw.id, entry)
      if (entry.row !== previousRows[index]) changed = true
      return entry.row
    })
    previous = next
    if (changed) previousRows = rows
    return previousRows
  }
}

type TableQuery<Row> = {
  readonly asSql: () => { query: string; bindValues: Bindable; usedTables: Set<string> }
  readonly ResultType: readonly Row[]
}

/**
 * `queryDb` for a query builder over a table with an `id` column, decoding each row with the table's row
 * schema only when it is new or changed since the previous read.
 */
export const queryRowsReused = <Row extends { readonly id: unknown }, Encoded>(
  builder: TableQuery<Row>,
  rowSchema: Schema.Schema<Row, Encoded>,
  options: { label: string; deps: readonly (string | number)[] },
): LiveQueryDef<readonly Row[]> => {
  const { query, bindValues, usedTables } = builder.asSql()
  const decodeRow = Schema.decodeUnknownSync(rowSchema)
  return queryDb(
    { query, bindValues, schema: RawRows, queriedTables: usedTables },
    { map: decodeReusingRows(decodeRow), label: options.label, deps: [...options.deps] },
  )
}
