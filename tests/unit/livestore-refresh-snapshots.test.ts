// A tab's query graph and its refresh log ("a tab keeps no copy of its query graph per refresh",
// scripts/patch-livestore.mjs). Unpatched, every refresh stored a copy of every node of the graph in a ring of
// the last 200 refreshes: in a chat of 10,000 messages those copies made each young-generation collection copy
// ~4-6 MB. The refreshes are still logged, and a snapshot asked for (what the devtools do) is still whole.
import { ReactiveGraph } from '@livestore/livestore/internal'
import { expect, test } from 'vitest'

/** A graph as a page has one: tables (refs), queries over them (thunks) and the components reading them (effects). */
const chatLikeGraph = () => {
  const graph = new ReactiveGraph.ReactiveGraph()
  graph.context = {}
  const tables = Array.from({ length: 10 }, (_, i) => graph.makeRef(0, { label: `table ${i}` }))
  const seen: number[] = []
  for (const [i, table] of tables.entries()) {
    const query = graph.makeThunk((get) => get(table) * 2, { label: `query ${i}` })
    graph.makeEffect((get) => seen.push(get(query)), { label: `view ${i}` })
  }
  return { graph, tables, seen }
}

const tableAt = <T>(tables: T[], index: number): T => {
  const table = tables[index]
  if (table === undefined) throw new Error(`no table ${index}`)
  return table
}

test('a refresh is logged without a copy of the graph', () => {
  const { graph, tables, seen } = chatLikeGraph()
  for (const effect of graph.effects) effect.doEffect(undefined, undefined)
  for (let i = 1; i <= 50; i++) graph.setRef(tableAt(tables, i % tables.length), i)

  // The views saw every change, and the log has the refreshes, within its bound.
  expect(seen.slice(-3)).toEqual([96, 98, 100])
  expect(graph.debugRefreshInfos.length).toBeGreaterThanOrEqual(50)
  expect(graph.debugRefreshInfos.length).toBeLessThanOrEqual(200)
  const last = graph.debugRefreshInfos.get(graph.debugRefreshInfos.length - 1)
  expect(last?.refreshedAtoms.length).toBe(1)
  // Without the copy of the 20 nodes each refresh used to keep.
  expect(graph.atoms.size).toBe(20)
  for (let i = 0; i < graph.debugRefreshInfos.length; i++) {
    const snapshot = graph.debugRefreshInfos.get(i)?.graphSnapshot
    expect(snapshot?.atoms).toHaveLength(0)
    expect(snapshot?.effects).toHaveLength(0)
  }
})

test('a snapshot asked for still holds every node', () => {
  const { graph, tables } = chatLikeGraph()
  for (const effect of graph.effects) effect.doEffect(undefined, undefined)
  graph.setRef(tableAt(tables, 0), 21)
  const snapshot = graph.getSnapshot({ includeResults: true })
  expect(snapshot.atoms).toHaveLength(20)
  expect(snapshot.effects).toHaveLength(10)
  expect(snapshot.atoms.find((atom) => atom.label === 'query 0')?.previousResult).toEqual({
    _tag: 'Some',
    value: '42',
  })
})
