// Patches one LiveStore 0.4.0 bug in node_modules after install (run by `postinstall`).
//
// The leader records a pulled batch's backend head before it writes the batch's events
// (LeaderSyncProcessor: updateBackendHead, then materializeEventsBatch). A tab closed or reloaded
// between the two leaves a backend head above the local head, and every later boot fails with
// "During boot the backend head (N) should never be greater than the local head (M)": the
// workspace never opens again in that browser (livestorejs/livestore#409). The patch makes boot
// step the backend head back to the local head instead, so the missing events are pulled again.
// Seen in our e2e run when a page reloaded while events were arriving.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const file = fileURLToPath(
  new URL('../node_modules/@livestore/common/dist/leader-thread/make-leader-thread-layer.js', import.meta.url),
)
const MARKER = '/* patched: backend head ahead of local head */'
const BEFORE = `    if (initialBackendHead > initialLocalHead.global) {
        return shouldNeverHappen(\`During boot the backend head (\${initialBackendHead}) should never be greater than the local head (\${initialLocalHead.global})\`);
    }`
const AFTER = `    let initialBackendHead = initialBackendHeadRecorded;
    if (initialBackendHead > initialLocalHead.global) { ${MARKER}
        Eventlog.updateBackendHead(dbEventlog, initialLocalHead);
        initialBackendHead = initialLocalHead.global;
    }`

const source = readFileSync(file, 'utf8')
if (source.includes(MARKER)) process.exit(0)
if (!source.includes(BEFORE) || !source.includes('const initialBackendHead = dbEventlogMissing')) {
  console.error(`patch-livestore: ${file} is not the LiveStore 0.4.0 this patch is for; review the patch.`)
  process.exit(1)
}
writeFileSync(
  file,
  source
    .replace('const initialBackendHead = dbEventlogMissing', 'const initialBackendHeadRecorded = dbEventlogMissing')
    .replace(BEFORE, AFTER),
)
console.log('patch-livestore: boot now recovers when the backend head is ahead of the local head')
