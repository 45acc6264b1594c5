// Stands in for LiveStore's packages in Next's server build only (next.config.ts, turbopack.resolveAlias
// under the "node" condition). Next compiles the modules loaded with next/dynamic({ ssr: false }) into
// the server bundle although it never runs them there; without this, LiveStore and Effect took ~0.8 MiB
// of the Worker. Anything that does run on the server and reaches LiveStore fails loudly here.
const refuse = (name) => () => {
  throw new Error(`LiveStore runs in the browser only (${String(name)} was used during server rendering)`)
}
module.exports = new Proxy({}, { get: (_target, name) => (name === '__esModule' ? true : refuse(name)) })
