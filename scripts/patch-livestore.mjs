// Patches LiveStore 0.4.0 in node_modules after install (run by `postinstall`). Each patch replaces
// one exact passage and refuses to run against anything else: an upgrade must re-check every one of
// them (README, "LiveStore patches"). tests/unit/livestore-patches.test.ts checks they are applied.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const moduleFile = (path) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url))

export const PATCHES = [
  {
    // The leader records a pulled batch's backend head before it writes the batch's events
    // (LeaderSyncProcessor: updateBackendHead, then materializeEventsBatch). A tab closed or reloaded
    // between the two leaves a backend head above the local head, and every later boot fails with
    // "During boot the backend head (N) should never be greater than the local head (M)": the
    // workspace never opens again in that browser (livestorejs/livestore#409). Boot now steps the
    // backend head back to the local head, so the missing events are pulled again. (Patch 12 writes a
    // pulled chunk's head in the chunk's transaction; this still recovers stores written before it.)
    name: 'boot recovers when the backend head is ahead of the local head',
    file: '@livestore/common/dist/leader-thread/make-leader-thread-layer.js',
    marker: '/* patched: backend head ahead of local head */',
    replacements: [
      ['const initialBackendHead = dbEventlogMissing', 'const initialBackendHeadRecorded = dbEventlogMissing'],
      [
        `    if (initialBackendHead > initialLocalHead.global) {
        return shouldNeverHappen(\`During boot the backend head (\${initialBackendHead}) should never be greater than the local head (\${initialLocalHead.global})\`);
    }`,
        `    let initialBackendHead = initialBackendHeadRecorded;
    if (initialBackendHead > initialLocalHead.global) { /* patched: backend head ahead of local head */
        Eventlog.updateBackendHead(dbEventlog, initialLocalHead);
        initialBackendHead = initialLocalHead.global;
    }`,
      ],
    ],
  },
  {
    // sync-cf reconnects with an exponential backoff that is never reset by a successful connection:
    // after a few disconnects in a long session every reconnect waits ~30 s, and nothing (the
    // browser's `online` event, a visible page) can cut the wait short. The app's socket layer
    // (lib/livestore/sync-socket.ts) paces connection attempts itself and wakes them at once on those
    // signals, so LiveStore only needs to ask again promptly.
    name: 'reconnect pacing is left to the app’s socket layer',
    file: '@livestore/sync-cf/dist/client/transport/ws-rpc-client.js',
    marker: '/* patched: reconnect pacing */',
    replacements: [
      [
        `retryTransientErrors: Schedule.exponential('1 seconds').pipe(Schedule.union(Schedule.fixed('30 seconds')), Schedule.jittered),`,
        `retryTransientErrors: Schedule.spaced('200 millis') /* patched: reconnect pacing */,`,
      ],
    ],
  },
  {
    // A ping timeout (a socket that died silently: network gone, laptop asleep) ended the connection
    // as an "OpenTimeout", which LiveStore treats as a failed connection attempt: the requests in
    // flight on the dead socket (a push, the live pull) were never failed, so after the reconnect the
    // push waited forever and no live events arrived. As a read failure, they fail and are retried.
    name: 'a ping timeout fails the requests in flight',
    file: '@livestore/utils/dist/effect/RpcClient.js',
    marker: '/* patched: ping timeout is a read failure */',
    replacements: [
      [
        `reason: 'OpenTimeout',
            cause: new Error('ping timeout'),`,
        `reason: 'Read' /* patched: ping timeout is a read failure */,
            cause: new Error('ping timeout'),`,
      ],
    ],
  },
  {
    // A push that is behind the server's head is answered with ServerAheadError, an ordinary step of the
    // protocol (the client pulls, rebases and pushes again), but sync-cf logs each as an error with its
    // stack. Under `wrangler dev` each such log is source-mapped against the whole bundle (~0.35 s of
    // CPU): a few concurrent writers per second saturate the preview server (bench/load.mjs found it).
    // Other push failures are still logged.
    name: 'routine ServerAheadError answers are not logged as errors',
    file: '@livestore/sync-cf/dist/cf-worker/do/transport/ws-rpc-server.js',
    marker: '/* patched: ServerAheadError is routine */',
    replacements: [
      [
        `            : new UnknownError({ cause })), Effect.tapCauseLogPretty),`,
        `            : new UnknownError({ cause })), (effect) => Effect.tapErrorCause(effect, (cause) => cause._tag === 'Fail' && cause.error?._tag === 'ServerAheadError' ? Effect.void : Effect.ignore(Effect.tapCauseLogPretty(Effect.failCause(cause)))) /* patched: ServerAheadError is routine */),`,
      ],
    ],
  },
  {
    // On a leader hand-over the shared worker closes the previous leader's worker pool before it installs the new
    // leader (make-shared-worker.js resetCurrentWorkerCtx → Scope.close), and closing the pool waits for every request
    // still in flight on it. A request forwarded to the old leader after it died (e.g. a tab's 400 ms status poll in
    // the ~50–150 ms before the new leader's UpdateMessagePort) is never answered, so the close, the new leader's
    // installation and every later request wait until the next hand-over (livestorejs/livestore#955). Requests now
    // give up on a replaced leader (releasing the old pool) and are sent again to the new one.
    name: 'requests in flight to a replaced leader are re-sent to the new one',
    file: '@livestore/adapter-web/dist/web-worker/shared-worker/make-shared-worker.js',
    marker: '/* patched: leader hand-over */',
    replacements: [
      [
        `    waitForWorker.pipe(
    // Effect.logBefore(\`forwardRequest: \${req._tag}\`),
    Effect.andThen((worker) => worker.executeEffect(req)), Effect.catchIf(`,
        `    Effect.gen(function* () { /* patched: leader hand-over */
        while (true) {
            const ctx = yield* SubscriptionRef.waitUntil(leaderWorkerContextSubRef, isNotUndefined);
            const answer = yield* Effect.raceFirst(ctx.worker.executeEffect(req).pipe(Effect.map(Option.some)), Deferred.await(ctx.replaced).pipe(Effect.as(Option.none())));
            if (Option.isSome(answer)) return answer.value;
        }
    }).pipe(Effect.catchIf(`,
      ],
      [
        `            yield* SubscriptionRef.set(leaderWorkerContextSubRef, undefined);
            yield* Effect.yieldNow();`,
        `            yield* SubscriptionRef.set(leaderWorkerContextSubRef, undefined);
            yield* Deferred.succeed(prevWorker.replaced, undefined);
            yield* Effect.yieldNow();`,
      ],
      [
        `                yield* SubscriptionRef.set(leaderWorkerContextSubRef, { worker, scope });`,
        `                yield* SubscriptionRef.set(leaderWorkerContextSubRef, { worker, scope, replaced: yield* Deferred.make() });`,
      ],
    ],
  },
  {
    // Every pulled chunk that advances the leader, even one that only confirms the leader's own pushed
    // events, restarted the backend pusher: the push in flight was interrupted (the server still stored
    // it), the queue refilled, and the same events pushed again, answered with ServerAheadError, after
    // which the pusher waited for the next chunk. An offline backlog of 1,000 events crawled at ~40
    // events/s. The pusher is now left alone while its push is in flight and the chunk brings nothing from
    // others; a pusher that is idle, waiting after ServerAheadError or backing off is still restarted.
    // The pusher takes up to 1,000 events at once instead of 50 (sync-cf sends them as requests of 100,
    // one after the other, with no leader work between them), local pushes are applied 100 at a time
    // instead of 10, and a failed push is retried after 250 ms doubling to 2 s
    // (was 1 s doubling to 30 s): the app's socket layer already paces connections. A push that dies
    // (a defect, e.g. a socket write that throws) is retried like a failed one: it ended the pusher for
    // good, silently (onSyncError 'ignore'), and nothing restarted it while the push counted as in flight.
    name: 'the backend pusher is not restarted under a push in flight',
    file: '@livestore/common/dist/leader-thread/LeaderSyncProcessor.js',
    marker: '/* patched: pusher restarts */',
    replacements: [
      [
        `    const localPushBatchSize = params.localPushBatchSize ?? 10;
    const backendPushBatchSize = params.backendPushBatchSize ?? 50;`,
        `    const localPushBatchSize = params.localPushBatchSize ?? 100; /* patched: pusher restarts */
    const backendPushBatchSize = params.backendPushBatchSize ?? 1000;`,
      ],
      [
        `        const backendPushingFiberHandle = yield* FiberHandle.make();
        const backendPushingEffect = backgroundBackendPushing({
            syncBackendPushQueue,
            devtoolsLatch: ctxRef.current?.devtoolsLatch,
            backendPushBatchSize,
        })`,
        `        const backendPushingFiberHandle = yield* FiberHandle.make();
        const pushPhase = {
            current: 'idle',
            restartSkipped: false,
            requeuePending: Effect.gen(function* () {
                const syncState = yield* Effect.fromNullable(yield* syncStateSref).pipe(Effect.orDie);
                yield* BucketQueue.clear(syncBackendPushQueue);
                yield* BucketQueue.offerAll(syncBackendPushQueue, syncState.pending.filter((event) => isClientEvent(event) === false));
            }).pipe(localPushBackendPullMutex.withPermits(1)),
        };
        const backendPushingEffect = backgroundBackendPushing({
            syncBackendPushQueue,
            devtoolsLatch: ctxRef.current?.devtoolsLatch,
            backendPushBatchSize,
            pushPhase,
        })`,
      ],
      [
        `            restartBackendPushing: (filteredRebasedPending) => Effect.gen(function* () {`,
        `            restartBackendPushing: (filteredRebasedPending, options) => Effect.gen(function* () {
                if (options?.unlessPushInFlight === true && pushPhase.current === 'in-flight') {
                    pushPhase.restartSkipped = true;
                    return;
                }
                pushPhase.current = 'idle';
                pushPhase.restartSkipped = false;`,
      ],
      [
        `                yield* restartBackendPushing(globalPendingEvents);`,
        `                yield* restartBackendPushing(globalPendingEvents, { unlessPushInFlight: mergeResult.newEvents.length === 0 });`,
      ],
      [
        `function* ({ syncBackendPushQueue, devtoolsLatch, backendPushBatchSize, }) {`,
        `function* ({ syncBackendPushQueue, devtoolsLatch, backendPushBatchSize, pushPhase, }) {`,
      ],
      [
        `            const pushResult = yield* syncBackend.push(queueItems.map((_) => _.toGlobal())).pipe(Effect.either);`,
        `            pushPhase.current = 'in-flight';
            const pushResult = yield* syncBackend.push(queueItems.map((_) => _.toGlobal())).pipe(Effect.catchAllDefect((defect) => Effect.fail(new UnknownError({ cause: defect }))), Effect.either);
            pushPhase.current = pushResult._tag === 'Right' ? 'idle' : 'waiting';
            if (pushResult._tag === 'Right')
                pushPhase.restartSkipped = false;`,
      ],
      [
        `                if (error._tag === 'ServerAheadError') {`,
        `                if (error._tag === 'ServerAheadError' && pushPhase.restartSkipped === true) {
                    // The chunk that put the server ahead was pulled while this push was in flight: nothing
                    // else will restart the pusher, so it takes the pending events anew itself.
                    pushPhase.restartSkipped = false;
                    yield* pushPhase.requeuePending;
                    pushPhase.current = 'idle';
                    return;
                }
                if (error._tag === 'ServerAheadError') {`,
      ],
      [
        `schedule: Schedule.exponential(Duration.seconds(1)).pipe(Schedule.modifyDelay((_, delay) => Duration.min(delay, Duration.seconds(30))) // Cap delay at 30s intervals.`,
        `schedule: Schedule.exponential(Duration.millis(250)).pipe(Schedule.modifyDelay((_, delay) => Duration.min(delay, Duration.seconds(2))) // Cap delay at 2s intervals.`,
      ],
    ],
  },
  {
    // When the server confirms pushed events, the leader records each one's sync metadata with its own
    // UPDATE, each its own transaction on OPFS (journal write, flush, truncate): ~5 ms per event, so
    // ~0.6 s of every confirmed batch of 100 went to disk before the next push (profiled in the browser
    // benchmark's backlog). One savepoint makes it one transaction; a savepoint also nests if a caller
    // ever holds a transaction already.
    name: 'confirmed events are recorded in one transaction',
    file: '@livestore/common/dist/leader-thread/eventlog.js',
    marker: '/* patched: one transaction */',
    replacements: [
      [
        `    // TODO try to do this in a single query
    for (let i = 0; i < items.length; i++) {
        const event = items[i];
        yield* execSql(dbEventlog, ...updateRows({
            tableName: EVENTLOG_META_TABLE,
            columns: eventlogMetaTable.sqliteDef.columns,
            where: { seqNumGlobal: event.seqNum.global, seqNumClient: event.seqNum.client },
            updateValues: { syncMetadataJson: event.meta.syncMetadata },
        }));
    }
});`,
        `    dbEventlog.execute('SAVEPOINT update_sync_metadata', undefined); /* patched: one transaction */
    const updated = yield* Effect.exit(Effect.gen(function* () {
        for (let i = 0; i < items.length; i++) {
            const event = items[i];
            yield* execSql(dbEventlog, ...updateRows({
                tableName: EVENTLOG_META_TABLE,
                columns: eventlogMetaTable.sqliteDef.columns,
                where: { seqNumGlobal: event.seqNum.global, seqNumClient: event.seqNum.client },
                updateValues: { syncMetadataJson: event.meta.syncMetadata },
            }));
        }
    }));
    if (updated._tag === 'Failure')
        dbEventlog.execute('ROLLBACK TO update_sync_metadata', undefined);
    dbEventlog.execute('RELEASE update_sync_metadata', undefined);
    return yield* updated;
});`,
      ],
    ],
  },
  {
    // sync-cf appends a pushed batch to D1 as one INSERT per 14 events (D1's 100 bound parameters), each
    // awaited in turn: a push of 100 events made 8 round trips to D1, and a failure half-way left part of
    // the batch stored without the head moving. The statements now go as one D1 batch: one round trip,
    // and D1 runs a batch as a single transaction, so a batch is stored whole or not at all.
    name: 'a pushed batch is appended to D1 in one batch',
    file: '@livestore/sync-cf/dist/cf-worker/do/sync-storage.js',
    marker: '/* patched: one D1 batch */',
    replacements: [
      [
        `        const CHUNK_SIZE = 14;
        for (let i = 0; i < batch.length; i += CHUNK_SIZE) {`,
        `        const CHUNK_SIZE = 14;
        const statements = []; /* patched: one D1 batch */
        for (let i = 0; i < batch.length; i += CHUNK_SIZE) {`,
      ],
      [
        `            yield* execDb((db) => db
                .prepare(sql)
                .bind(...params)
                .run());
        }`,
        `            statements.push({ sql, params });
        }
        yield* execDb((db) => db.batch(statements.map(({ sql, params }) => db.prepare(sql).bind(...params))));`,
      ],
    ],
  },
  {
    // sync-cf splits what it sends (a pull's pages, a push's broadcast) into WebSocket messages under a
    // byte limit by encoding the whole growing list again for every item it adds: 5,050 encodings for a
    // page of 100 events. In the Durable Object that was ~0.7 ms per event pulled and ~80 ms per push of
    // 100, the larger part of a cold open's and a backlog's time at the server. Each item's encoded size
    // is now measured once and summed: the JSON of a list is its items' JSON joined by commas inside the
    // envelope of an empty list, so the sum is the same number of bytes, and the chunks are the same.
    name: 'chunks are measured once per item',
    file: '@livestore/common/dist/sync/transport-chunking.js',
    marker: '/* patched: each item measured once */',
    replacements: [
      [
        `    for (const item of items) {
        current.push(item);
        const exceedsLimit = current.length > maxItems || computeSize(current) > maxBytes;
        if (exceedsLimit === true) {
            // remove the item we just added and emit the previous chunk if it exists
            const last = current.pop();
            flushCurrent();
            if (last !== undefined) {`,
        `    const emptySize = measure === undefined ? computeSize([]) : 0; /* patched: each item measured once */
    let currentBytes = 0;
    for (const item of items) {
        const itemBytes = measure === undefined ? computeSize([item]) - emptySize : 0;
        current.push(item);
        currentBytes += itemBytes;
        const size = measure === undefined ? emptySize + currentBytes + (current.length - 1) : computeSize(current);
        const exceedsLimit = current.length > maxItems || size > maxBytes;
        if (exceedsLimit === true) {
            // remove the item we just added and emit the previous chunk if it exists
            const last = current.pop();
            flushCurrent();
            currentBytes = itemBytes;
            if (last !== undefined) {`,
      ],
    ],
  },
  {
    // A first open pulls the whole log, and the leader pays a fixed cost per pull message (a transaction
    // flushed to OPFS, a merge, an update of every tab's session and its queries): sync-cf sent 100 events
    // per message, read from D1 256 rows at a time, so 10,000 events were 100 messages. Messages now carry
    // up to 500 events (still cut under sync-cf's 900 KB frame limit) from D1 pages of 500 rows (sync-cf
    // still halves the page when a page's rows exceed ~1 MB). The browser benchmark's first open of
    // 10,000 events was ready after 11.7 s instead of 15.8 s.
    name: 'pull messages carry up to 500 events',
    file: '@livestore/sync-cf/dist/common/constants.js',
    marker: '/* patched: 500 events per pull message */',
    replacements: [
      [
        'export const MAX_PULL_EVENTS_PER_MESSAGE = 100;',
        'export const MAX_PULL_EVENTS_PER_MESSAGE = 500; /* patched: 500 events per pull message */',
      ],
    ],
  },
  {
    // The D1 half of the patch above: a pull message is cut from one page of rows.
    name: 'the Durable Object reads the log from D1 500 rows at a time',
    file: '@livestore/sync-cf/dist/cf-worker/do/sync-storage.js',
    marker: '/* patched: D1 pages of 500 */',
    replacements: [
      ['const D1_INITIAL_PAGE_SIZE = 256;', 'const D1_INITIAL_PAGE_SIZE = 500; /* patched: D1 pages of 500 */'],
    ],
  },
  {
    // An offline backlog or an import is pushed as requests of at most 100 events, and the Durable Object
    // broadcasts each to the other members as one message: 1,000 events were 10 pushes and 10 messages,
    // each a fixed round of work for both leaders (a transaction flushed to OPFS, a merge, every tab's
    // session updated). Requests and broadcasts now carry up to 500 events (still cut under sync-cf's
    // 900 KB frame limit; the Durable Object's push rules take the same limit, MAX_BATCH_EVENTS): the
    // browser benchmark's backlog of 1,000 reached the other member in ~1.8 s instead of ~3.4 s.
    name: 'pushes and their broadcasts carry up to 500 events',
    file: '@livestore/sync-cf/dist/common/constants.js',
    marker: '/* patched: 500 events per push */',
    replacements: [
      [
        'export const MAX_PUSH_EVENTS_PER_REQUEST = 100;',
        'export const MAX_PUSH_EVENTS_PER_REQUEST = 500; /* patched: 500 events per push */',
      ],
    ],
  },
  {
    // A message took ~130 ms from one member's screen to another's, and most of it was the two leaders
    // writing to OPFS while the message waited: the sender's leader committed the event (two
    // transactions, ~17 ms) before its pusher could send it, and the receiver's leader made four
    // transactions per pulled chunk (the backend head, the changeset trim, then the events in both
    // databases, ~35-50 ms) before passing the events to its tabs. Now the pusher and the tabs' pull
    // streams run first (LiveStore already queued the events for them before the disk work; the leader
    // just never yielded), and the backend head, the confirmed events' sync metadata and the changeset trim
    // are written in the chunk's own transaction: two per chunk instead of three or four (a chunk that
    // rebases still rolls back first, as before), and the head is no longer recorded before the chunk's own
    // events. Handing on at once also means the pusher takes smaller batches when events come fast.
    name: 'events are handed on before the leader writes them',
    file: '@livestore/common/dist/leader-thread/LeaderSyncProcessor.js',
    marker: '/* patched: hand on first */',
    replacements: [
      [
        `            yield* BucketQueue.offerAll(syncBackendPushQueue, filteredBatch);
            yield* materializeEventsBatch({ batchItems: mergeResult.newEvents, deferreds });`,
        `            yield* BucketQueue.offerAll(syncBackendPushQueue, filteredBatch);
            yield* handOnFirst; /* patched: hand on first */
            yield* materializeEventsBatch({ batchItems: mergeResult.newEvents, deferreds });`,
      ],
      [
        `const materializeEventsBatch = ({ batchItems, deferreds }) => Effect.gen(function* () {`,
        `// Lets the fibers the events were just queued for (the backend pusher, the tabs' pull streams) send
// them before this fiber's synchronous disk work: each hop of theirs is one scheduler round.
const handOnFirst = Effect.yieldNow().pipe(Effect.repeatN(11));
const materializeEventsBatch = ({ batchItems, deferreds, inTransaction }) => Effect.gen(function* () {`,
      ],
      [
        `        db.execute('ROLLBACK', undefined);
        dbEventlog.execute('ROLLBACK', undefined);
    }));`,
        `        db.execute('ROLLBACK', undefined);
        dbEventlog.execute('ROLLBACK', undefined);
    }));
    if (inTransaction !== undefined)
        yield* inTransaction;`,
      ],
      [
        `            const newBackendHead = newEvents.at(-1).seqNum;
            Eventlog.updateBackendHead(dbEventlog, newBackendHead);`,
        `            const newBackendHead = newEvents.at(-1).seqNum;
            let confirmedToRecord = [];`,
      ],
      [
        `                yield* connectedClientSessionPullQueues.offer({
                    payload: SyncState.payloadFromMergeResult(mergeResult),
                    leaderHead: mergeResult.newSyncState.localHead,
                });
                if (mergeResult.confirmedEvents.length > 0) {`,
        `                yield* connectedClientSessionPullQueues.offer({
                    payload: SyncState.payloadFromMergeResult(mergeResult),
                    leaderHead: mergeResult.newSyncState.localHead,
                });
                if (mergeResult.newEvents.length > 0)
                    yield* handOnFirst;
                if (mergeResult.confirmedEvents.length > 0) {`,
      ],
      [
        `                    yield* Eventlog.updateSyncMetadata(confirmedNewEvents).pipe(Effect.orDieDebugger);`,
        `                    confirmedToRecord = confirmedNewEvents;`,
      ],
      [
        `            trimChangesetRows(db, newBackendHead);
            advancePushHead(mergeResult.newSyncState.localHead);
            yield* materializeEventsBatch({ batchItems: mergeResult.newEvents, deferreds: undefined });`,
        `            advancePushHead(mergeResult.newSyncState.localHead);
            yield* materializeEventsBatch({
                batchItems: mergeResult.newEvents,
                deferreds: undefined,
                inTransaction: Effect.gen(function* () {
                    Eventlog.updateBackendHead(dbEventlog, newBackendHead);
                    if (confirmedToRecord.length > 0)
                        yield* Eventlog.updateSyncMetadata(confirmedToRecord).pipe(Effect.orDieDebugger);
                    trimChangesetRows(db, newBackendHead);
                }),
            });`,
      ],
    ],
  },
  {
    // LiveStore waits for a condition on a SubscriptionRef (connected? a leader installed?) by subscribing
    // to its changes stream and taking the first match, even when the current value already matches:
    // a PubSub subscription and a few scheduler rounds each time. The leader does so for every pulled
    // chunk and twice for every push, and the shared worker for every request it forwards to the leader.
    // The current value is now checked first; the stream is only needed to wait.
    name: 'waiting for a condition that already holds returns at once',
    file: '@livestore/utils/dist/effect/SubscriptionRef.js',
    marker: '/* patched: current value first */',
    replacements: [
      [
        'export const waitUntil = dual(2, (sref, predicate) => pipe(sref.changes, Stream.filter(predicate), Stream.take(1), Stream.runCollect, Effect.map(Chunk.unsafeHead)));',
        'export const waitUntil = dual(2, (sref, predicate) => Effect.flatMap(SubscriptionRef.get(sref), (current) => predicate(current) ? Effect.succeed(current) /* patched: current value first */ : pipe(sref.changes, Stream.filter(predicate), Stream.take(1), Stream.runCollect, Effect.map(Chunk.unsafeHead))));',
      ],
    ],
  },
  {
    // The leader worker runs Effect on a scheduler that gives each round of a fiber's work its own macrotask
    // through a MessageChannel, and made a new channel for every round: two ports (each a mojo pipe) created,
    // then left to the garbage collector to close. A message sent made dozens of rounds: the channels'
    // creation and its callback were ~5% of the leader's time for a send (Chromium's profiler, 20 sends in a
    // 10,000-message channel), and their ports fed its GC. One channel now carries every round, each still a
    // macrotask of its own, in the order they were asked for.
    name: 'the leader’s scheduler keeps one MessageChannel',
    file: '@livestore/utils/dist/effect/Scheduler.js',
    marker: '/* patched: one channel */',
    replacements: [
      [
        `export const messageChannel = (shouldYield = Scheduler.defaultShouldYield) => Scheduler.makeBatched((task) => {
    const messageChannel = new MessageChannel();
    messageChannel.port1.postMessage(undefined);
    messageChannel.port2.onmessage = task;
}, shouldYield);`,
        `export const messageChannel = (shouldYield = Scheduler.defaultShouldYield) => {
    let channel; /* patched: one channel */
    const rounds = [];
    return Scheduler.makeBatched((task) => {
        if (channel === undefined) {
            channel = new MessageChannel();
            channel.port2.onmessage = () => rounds.shift()?.();
        }
        rounds.push(task);
        channel.port1.postMessage(undefined);
    }, shouldYield);
};`,
      ],
    ],
  },
  {
    // The OPFS pool's file operations (read, write, flush, size, truncate: every page SQLite moves, ~125 calls per
    // message sent) each ran as an Effect on LiveStore's runtime (`Effect.gen` … `Runtime.runSync`): a fiber per
    // call, with its generator, error channel and logging, around one synchronous call on the access handle. In a
    // profile of 20 sends that wrapping was ~15% of the leader's samples, more than the writes themselves cost
    // outside the kernel. They are now plain calls with the same results: the same return codes, a short read
    // zero-filled, a short write an error, and a failure logged and returned as SQLite's I/O error for it.
    name: 'the OPFS pool’s file operations are plain calls',
    file: '@livestore/sqlite-wasm/dist/browser/opfs/AccessHandlePoolVFS.js',
    marker: '/* patched: plain I/O calls */',
    replacements: [
      [
        `    jRead(fileId, pData, iOffset) {\n        return Effect.gen(this, function* () {\n            const file = this.#mapIdToFile.get(fileId);\n            const nBytes = yield* Opfs.Opfs.syncRead(file.accessHandle, pData.subarray(), {\n                at: HEADER_OFFSET_DATA + iOffset,\n            });\n            if (nBytes < pData.byteLength) {\n                pData.fill(0, nBytes, pData.byteLength);\n                return VFS.SQLITE_IOERR_SHORT_READ;\n            }\n            return VFS.SQLITE_OK;\n        }).pipe(Effect.tapCauseLogPretty, Effect.catchAllCause(() => Effect.succeed(VFS.SQLITE_IOERR_READ)), Runtime.runSync(this.#runtime));\n    }\n    jWrite(fileId, pData, iOffset) {\n        return Effect.gen(this, function* () {\n            const file = this.#mapIdToFile.get(fileId);\n            const nBytes = yield* Opfs.Opfs.syncWrite(file.accessHandle, pData.subarray(), {\n                at: HEADER_OFFSET_DATA + iOffset,\n            });\n            if (nBytes !== pData.byteLength) {\n                return yield* Effect.dieMessage(\`Wrote \${nBytes} bytes, expected \${pData.byteLength}\`);\n            }\n            return VFS.SQLITE_OK;\n        }).pipe(Effect.tapCauseLogPretty, Effect.catchAllCause(() => Effect.succeed(VFS.SQLITE_IOERR_WRITE)), Runtime.runSync(this.#runtime));\n    }\n    jTruncate(fileId, iSize) {\n        return Effect.gen(this, function* () {\n            const file = this.#mapIdToFile.get(fileId);\n            yield* Opfs.Opfs.syncTruncate(file.accessHandle, HEADER_OFFSET_DATA + iSize);\n            return VFS.SQLITE_OK;\n        }).pipe(Effect.tapCauseLogPretty, Effect.catchAllCause(() => Effect.succeed(VFS.SQLITE_IOERR_TRUNCATE)), Runtime.runSync(this.#runtime));\n    }\n    jSync(fileId, _flags) {\n        return Effect.gen(this, function* () {\n            const file = this.#mapIdToFile.get(fileId);\n            yield* Opfs.Opfs.syncFlush(file.accessHandle);\n            return VFS.SQLITE_OK;\n        }).pipe(Effect.tapCauseLogPretty, Effect.catchAllCause(() => Effect.succeed(VFS.SQLITE_IOERR_FSYNC)), Runtime.runSync(this.#runtime));\n    }\n    jFileSize(fileId, pSize64) {\n        return Effect.gen(this, function* () {\n            const file = this.#mapIdToFile.get(fileId);\n            const opfsFileSize = yield* Opfs.Opfs.syncGetSize(file.accessHandle);\n            const size = opfsFileSize - HEADER_OFFSET_DATA;\n            pSize64.setBigInt64(0, BigInt(size), true);\n            return VFS.SQLITE_OK;\n        }).pipe(Effect.tapCauseLogPretty, Effect.catchAllCause(() => Effect.succeed(VFS.SQLITE_IOERR_FSTAT)), Runtime.runSync(this.#runtime));\n    }\n`,
        `    jRead(fileId, pData, iOffset) {\n        try { /* patched: plain I/O calls */\n            const file = this.#mapIdToFile.get(fileId);\n            const nBytes = file.accessHandle.read(pData.subarray(), { at: HEADER_OFFSET_DATA + iOffset });\n            if (nBytes < pData.byteLength) {\n                pData.fill(0, nBytes, pData.byteLength);\n                return VFS.SQLITE_IOERR_SHORT_READ;\n            }\n            return VFS.SQLITE_OK;\n        }\n        catch (error) {\n            console.error('OPFS pool: read failed', error);\n            return VFS.SQLITE_IOERR_READ;\n        }\n    }\n    jWrite(fileId, pData, iOffset) {\n        try {\n            const file = this.#mapIdToFile.get(fileId);\n            const nBytes = file.accessHandle.write(pData.subarray(), { at: HEADER_OFFSET_DATA + iOffset });\n            if (nBytes !== pData.byteLength) throw new Error(\`Wrote \${nBytes} bytes, expected \${pData.byteLength}\`);\n            return VFS.SQLITE_OK;\n        }\n        catch (error) {\n            console.error('OPFS pool: write failed', error);\n            return VFS.SQLITE_IOERR_WRITE;\n        }\n    }\n    jTruncate(fileId, iSize) {\n        try {\n            this.#mapIdToFile.get(fileId).accessHandle.truncate(HEADER_OFFSET_DATA + iSize);\n            return VFS.SQLITE_OK;\n        }\n        catch (error) {\n            console.error('OPFS pool: truncate failed', error);\n            return VFS.SQLITE_IOERR_TRUNCATE;\n        }\n    }\n    jSync(fileId, _flags) {\n        try {\n            this.#mapIdToFile.get(fileId).accessHandle.flush();\n            return VFS.SQLITE_OK;\n        }\n        catch (error) {\n            console.error('OPFS pool: flush failed', error);\n            return VFS.SQLITE_IOERR_FSYNC;\n        }\n    }\n    jFileSize(fileId, pSize64) {\n        try {\n            const size = this.#mapIdToFile.get(fileId).accessHandle.getSize() - HEADER_OFFSET_DATA;\n            pSize64.setBigInt64(0, BigInt(size), true);\n            return VFS.SQLITE_OK;\n        }\n        catch (error) {\n            console.error('OPFS pool: size failed', error);\n            return VFS.SQLITE_IOERR_FSTAT;\n        }\n    }\n`,
      ],
    ],
  },
  {
    // A tab's LiveStore runs on Effect with @effect/opentelemetry's tracer, over a noop OTel tracer when the
    // app gives none. That tracer wraps every step of every fiber that has a span (Effect asks the tracer's
    // `context` for each operation it runs) in `otel.context.with`, after copying the active OTel context
    // with the span set in it: in a profile of a tab sending 20 messages, that wrapping was ~10% of the page's
    // JavaScript. A noop tracer's spans record nothing and carry no valid span context, so with no tracer given
    // the steps now run without it; spans are still made (LiveStore reads the current one). With a tracer
    // given, nothing changes.
    name: 'a tab with no OTel tracer runs its fibers without an OTel context per step',
    file: '@livestore/common/dist/otel.js',
    marker: '/* patched: no OTel context per step */',
    replacements: [
      [
        `import { Effect, identity, Layer, OtelTracer } from '@livestore/utils/effect';
`,
        `import { Effect, identity, Layer, OtelTracer, Tracer } from '@livestore/utils/effect';
/* patched: no OTel context per step */
const withoutOtelContext = (tracer) => Tracer.make({ span: tracer.span, context: (execution) => execution() });
`,
      ],
      [
        `    const OtelTracerLive = Layer.succeed(OtelTracer.OtelTracer, makeNoopTracer());
    const TracingLive = Layer.unwrapEffect(Effect.map(OtelTracer.make, Layer.setTracer)).pipe(Layer.provideMerge(OtelTracerLive));`,
        `    const OtelTracerLive = Layer.succeed(OtelTracer.OtelTracer, makeNoopTracer());
    const TracingLive = Layer.unwrapEffect(Effect.map(OtelTracer.make, (tracer) => Layer.setTracer(withoutOtelContext(tracer)))).pipe(Layer.provideMerge(OtelTracerLive));`,
      ],
      [
        `    const OtelTracerLive = Layer.succeed(OtelTracer.OtelTracer, otelTracer ?? makeNoopTracer());
    const TracingLive = Layer.unwrapEffect(Effect.map(OtelTracer.make, Layer.setTracer)).pipe(Layer.provideMerge(OtelTracerLive));`,
        `    const OtelTracerLive = Layer.succeed(OtelTracer.OtelTracer, otelTracer ?? makeNoopTracer());
    const TracingLive = Layer.unwrapEffect(Effect.map(OtelTracer.make, (tracer) => Layer.setTracer(otelTracer === undefined ? withoutOtelContext(tracer) : tracer))).pipe(Layer.provideMerge(OtelTracerLive));`,
      ],
    ],
  },
  {
    // sqlite-wasm's `execute` and `select` prepared every statement, ran it once and finalized it, and kept
    // each finalized statement in the list `close()` walks, for the connection's life. The leader runs
    // three statements per event it writes (the materializer's, the changeset row, the eventlog row):
    // every event paid three SQL compilations, and a first open of 10,000 events left 30,000 dead objects
    // behind. `execute`'s statements are now kept by their SQL text (up to 256 texts; one seen beyond that
    // is compiled, run and dropped), reset after each run as sqlite-wasm already does, with their
    // parameters cleared first, as a new statement's are, and finalized when the connection closes.
    // `select` still compiles each time (a kept `SELECT *` could report the columns of a table since
    // recreated), but no longer keeps the finalized statement.
    name: 'statements are compiled once per connection',
    file: '@livestore/sqlite-wasm/dist/make-sqlite-db.js',
    marker: '/* patched: statement cache */',
    replacements: [
      [
        `    const preparedStmts = [];
    const { dbPointer } = metadata;`,
        `    const preparedStmts = [];
    const { dbPointer } = metadata;
    /* patched: statement cache */
    const cachedStmts = new Map();
    const executeCached = (queryStr, bindValues, options) => {
        const cached = cachedStmts.get(queryStr);
        if (cached !== undefined) {
            cached.clearBindings();
            return cached.execute(bindValues, options);
        }
        const stmt = sqliteDb.prepare(queryStr);
        if (cachedStmts.size < 256) {
            cachedStmts.set(queryStr, stmt);
            return stmt.execute(bindValues, options);
        }
        try {
            return stmt.execute(bindValues, options);
        }
        finally {
            stmt.finalize();
            preparedStmts.splice(preparedStmts.lastIndexOf(stmt), 1);
        }
    };`,
      ],
      [
        `                    sql: queryStr,
                };`,
        `                    sql: queryStr,
                    clearBindings: () => {
                        for (const stmt of stmts)
                            sqlite3.clear_bindings(stmt);
                    },
                };`,
      ],
      [
        `        execute: SqliteDbHelper.makeExecute((queryStr, bindValues, options) => {
            const stmt = sqliteDb.prepare(queryStr);
            stmt.execute(bindValues, options);
            stmt.finalize();
        }),
        select: SqliteDbHelper.makeSelect((queryStr, bindValues) => {
            const stmt = sqliteDb.prepare(queryStr);
            const results = stmt.select(bindValues);
            stmt.finalize();
            return results;
        }),`,
        `        execute: SqliteDbHelper.makeExecute((queryStr, bindValues, options) => {
            executeCached(queryStr, bindValues, options);
        }),
        select: SqliteDbHelper.makeSelect((queryStr, bindValues) => {
            const stmt = sqliteDb.prepare(queryStr);
            try {
                return stmt.select(bindValues);
            }
            finally {
                stmt.finalize();
                preparedStmts.splice(preparedStmts.lastIndexOf(stmt), 1);
            }
        }),`,
      ],
      [
        `            for (const stmt of preparedStmts) {
                stmt.finalize();
            }
            sqlite3.close(dbPointer);`,
        `            for (const stmt of preparedStmts) {
                stmt.finalize();
            }
            cachedStmts.clear();
            sqlite3.close(dbPointer);`,
      ],
    ],
  },
  {
    // LiveStore builds its event objects (an Effect Schema class) with the class's constructor, which
    // validates every field against the schema, ~0.3 ms per event in Node, even when the event was
    // just decoded and validated at the edge: each event pulled from the sync backend (`fromGlobal`; sync-cf's
    // client decodes the pull message with its schema), each event moved by a rebase (a copy of a checked
    // one), each event a tab pushes to its leader (the worker request's schema decodes the batch, next patch).
    // These three now construct without validating again.
    name: 'events decoded at the edge are not validated again when copied',
    file: '@livestore/common/dist/schema/LiveStoreEvent/client.js',
    marker: '/* patched: no second validation */',
    replacements: [
      [
        `    rebase = ({ parentSeqNum, isClient, rebaseGeneration, }) => new EncodedWithMeta({
        ...this,
        ...EventSequenceNumber.Client.nextPair({ seqNum: parentSeqNum, isClient, rebaseGeneration }),
    });`,
        `    rebase = ({ parentSeqNum, isClient, rebaseGeneration, }) => new EncodedWithMeta({
        ...this,
        ...EventSequenceNumber.Client.nextPair({ seqNum: parentSeqNum, isClient, rebaseGeneration }),
    }, true /* patched: no second validation */);`,
      ],
      [
        `            materializerHashSession: meta.materializerHashSession,
        },
    });`,
        `            materializerHashSession: meta.materializerHashSession,
        },
    }, true /* patched: no second validation */);`,
      ],
    ],
  },
  {
    // See the previous patch: the leader worker's PushToLeader request is decoded by its schema
    // (`Schema.typeSchema(LiveStoreEvent.Client.Encoded)`) before the handler copies each event.
    name: 'events a tab pushes to its leader are not validated again',
    file: '@livestore/adapter-web/dist/web-worker/leader-worker/make-leader-worker.js',
    marker: '/* patched: no second validation */',
    replacements: [
      [
        `syncProcessor.push(batch.map((event) => new LiveStoreEvent.Client.EncodedWithMeta(event)), `,
        `syncProcessor.push(batch.map((event) => new LiveStoreEvent.Client.EncodedWithMeta(event, true /* patched: no second validation */)), `,
      ],
    ],
  },
  {
    // The Durable Object broadcasts each push to every connection. To cut it into WebSocket messages it
    // built and validated a one-event response and encoded it with the schema for every event (to measure
    // it), then built, validated and encoded each message again, and turned it into JSON once for every
    // connection: ~100–200 ms of the object's thread for a push of 500 events, before the pusher's ack and
    // the other members' copy leave. The batch (decoded by the push request's schema) is now encoded
    // once; messages are cut from the encoded events, measured as JSON, and each message's JSON is made
    // once and framed for each connection's pull request.
    name: 'a push is encoded once for its broadcast',
    file: '@livestore/sync-cf/dist/cf-worker/do/push.js',
    marker: '/* patched: broadcast encoded once */',
    replacements: [
      [
        `        const responses = yield* Chunk.fromIterable(pushRequest.batch).pipe(splitChunkBySize({
            maxItems: MAX_PUSH_EVENTS_PER_REQUEST,
            maxBytes: MAX_WS_MESSAGE_BYTES,
            encode: (items) => encodePullResponse(SyncMessage.PullResponse.make({
                batch: items.map((eventEncoded) => ({
                    eventEncoded,
                    metadata: Option.some(SyncMessage.SyncMetadata.make({ createdAt })),
                })),
                pageInfo: SyncBackend.pageInfoNoMore,
                backendId,
            })),
        }), Effect.map(Chunk.map((eventsChunk) => {
            const batchWithMetadata = Chunk.toReadonlyArray(eventsChunk).map((eventEncoded) => ({
                eventEncoded,
                metadata: Option.some(SyncMessage.SyncMetadata.make({ createdAt })),
            }));
            const response = SyncMessage.PullResponse.make({
                batch: batchWithMetadata,
                pageInfo: SyncBackend.pageInfoNoMore,
                backendId,
            });
            return {
                response,
                encoded: Schema.encodeSync(SyncMessage.PullResponse)(response),
            };
        })));`,
        `        const metadata = Option.some(SyncMessage.SyncMetadata.make({ createdAt })); /* patched: broadcast encoded once */
        const whole = SyncMessage.PullResponse.make({
            batch: pushRequest.batch.map((eventEncoded) => ({ eventEncoded, metadata })),
            pageInfo: SyncBackend.pageInfoNoMore,
            backendId,
        }, true);
        const wholeEncoded = encodePullResponse(whole);
        const items = whole.batch.map((item, i) => ({ item, encoded: wholeEncoded.batch[i] }));
        const responses = yield* Chunk.fromIterable(items).pipe(splitChunkBySize({
            maxItems: MAX_PUSH_EVENTS_PER_REQUEST,
            maxBytes: MAX_WS_MESSAGE_BYTES,
            encode: (chunkItems) => ({ ...wholeEncoded, batch: chunkItems.map((_) => _.encoded) }),
        }), Effect.map(Chunk.map((itemsChunk) => {
            const chunkItems = Chunk.toReadonlyArray(itemsChunk);
            const encoded = { ...wholeEncoded, batch: chunkItems.map((_) => _.encoded) };
            return {
                response: SyncMessage.PullResponse.make({ ...whole, batch: chunkItems.map((_) => _.item) }, true),
                encoded,
                json: JSON.stringify(encoded),
            };
        })));`,
      ],
      [
        `            for (const { response, encoded } of responses) {`,
        `            for (const { response, json } of responses) {`,
      ],
      [
        `                        const res = {
                            _tag: 'Chunk',
                            requestId,
                            values: [encoded],
                        };
                        conn.send(jsonStringify(res));`,
        `                        // The frame jsonStringify made of { _tag: 'Chunk', requestId, values: [encoded] }.
                        conn.send(\`{"_tag":"Chunk","requestId":\${JSON.stringify(requestId)},"values":[\${json}]}\`);`,
      ],
    ],
  },
  {
    // A tab applies every event its leader hands on to its own SQLite copy, and recorded a SQLite
    // changeset of each, so that it could roll the event back. It can only ever roll back events of its
    // own client: the leader rolls back (and rebases) its pending events only, and events of other clients
    // come from the server, already in its order. Events of other clients are now applied without one.
    // With the next patch, the tab's thread time for a backlog of 1,000 events from another member went
    // from 0.60–0.80 s to 0.29–0.40 s (three traced rounds each).
    name: 'a tab records no changeset for events of other clients',
    file: '@livestore/common/dist/sync/ClientSessionSyncProcessor.js',
    marker: '/* patched: no changeset for other clients */',
    replacements: [
      [
        `                const { writeTables: newWriteTables, sessionChangeset, materializerHash, } = yield* materializeEvent(event, {
                    withChangeset: true,
                    materializerHashLeader: event.meta.materializerHashLeader,`,
        `                const { writeTables: newWriteTables, sessionChangeset, materializerHash, } = yield* materializeEvent(event, {
                    withChangeset: event.clientId === clientSession.clientId, /* patched: no changeset for other clients */
                    materializerHashLeader: event.meta.materializerHashLeader,`,
      ],
    ],
  },
  {
    // The tab's function that applies one event was an Effect.fn with a tracing span: every event applied
    // made a span (and captured a stack trace for it) even with no tracer installed, the larger part of the
    // saving above. Batches keep their spans (the pull's, the commit's); single events no longer have one.
    name: 'a tab opens no tracing span per event it applies',
    file: '@livestore/livestore/dist/store/store.js',
    marker: '/* patched: no span per event */',
    replacements: [
      [
        `            materializeEvent: Effect.fn('client-session-sync-processor:materialize-event')((eventEncoded, { withChangeset, materializerHashLeader }) => `,
        `            materializeEvent: /* patched: no span per event */ ((eventEncoded, { withChangeset, materializerHashLeader }) => `,
      ],
    ],
  },
  {
    // The leader's databases in OPFS used SQLite's default rollback journal (DELETE): every transaction
    // created its journal, and deleted it at commit. In the OPFS pool LiveStore uses
    // (AccessHandlePoolVFS), creating a file writes and flushes its header, and deleting one writes,
    // flushes and truncates it: both databases, each transaction, which was a quarter of the leader's
    // thread time for a message sent. A persistent journal (PERSIST) is kept and its header zeroed at
    // commit, as durable as before: a transaction cut short still leaves a journal to roll back from.
    // journal_size_limit trims it after a transaction larger than 1 MiB, so it does not keep that size.
    name: 'the leader keeps its databases’ journals between transactions',
    file: '@livestore/adapter-web/dist/web-worker/leader-worker/make-leader-worker.js',
    marker: '/* patched: persistent journal */',
    replacements: [
      [
        `                foreignKeys: true,
            }).pipe(Effect.provide(runtime), Effect.runSync),
        }).pipe(Effect.acquireRelease((db) => Effect.try(() => db.close()).pipe(Effect.ignoreLogged)));
        const makeInMemoryDb`,
        `                foreignKeys: true,
            }).pipe(Effect.provide(runtime), Effect.runSync, () => db.execute('PRAGMA journal_mode=PERSIST; PRAGMA journal_size_limit=1048576;') /* patched: persistent journal */),
        }).pipe(Effect.acquireRelease((db) => Effect.try(() => db.close()).pipe(Effect.ignoreLogged)));
        const makeInMemoryDb`,
      ],
    ],
  },
  {
    // With the persistent journal above, a state database left behind by a schema change (LiveStore's
    // 'auto' migrations name the file after the schema) would leave its journal too: LiveStore deletes the
    // old database's file only, and each orphaned journal would hold one of the pool's 20 files for good.
    // Journals of state databases other than the current one are deleted with them.
    name: 'an old state database’s journal is deleted with it',
    file: '@livestore/adapter-web/dist/web-worker/common/persisted-sqlite.js',
    marker: '/* patched: old journals deleted */',
    replacements: [
      [
        `    const oldStateDbPaths = allPaths.filter((path) => path.startsWith('/state') && path.endsWith('.db') && path !== currentPath);
`,
        `    const oldStateDbPaths = allPaths.filter((path) => path.startsWith('/state') && path.endsWith('.db') && path !== currentPath);
    for (const journal of allPaths.filter((path) => path.startsWith('/state') && path.endsWith('.db-journal') && path !== \`\${currentPath}-journal\`)) /* patched: old journals deleted */
        vfs.jDelete(journal.slice(1), 0);
`,
      ],
    ],
  },
  {
    // The leader wrapped every SQL statement it runs in a tracing span (execSql, execSqlPrepared), and
    // every event it writes in one more (materializeEvent): four per event received, each capturing a
    // stack trace and reading the clock twice even with no tracer installed. Receiving a backlog, the
    // spans were ~10% of the leader's thread time, and Effect's bookkeeping around them more. Batches keep
    // their spans (materializeEventItems, the pull's and the push's); statements and single events no
    // longer have one, as patch 17 did for the tab.
    name: 'the leader opens no tracing span per SQL statement',
    file: '@livestore/common/dist/leader-thread/connection.js',
    marker: '/* patched: no span per statement */',
    replacements: [
      [
        `    }).pipe(Effect.asVoid, 
    // Effect.logDuration(\`@livestore/common:execSql:\${sql}\`),
    Effect.withSpan(\`@livestore/common:execSql\`, {
        attributes: { 'span.label': sql, sql, bindValueKeys: Object.keys(bindValues) },
    }));`,
        `    }).pipe(Effect.asVoid /* patched: no span per statement */);`,
      ],
      [
        `    }).pipe(Effect.asVoid, 
    // Effect.logDuration(\`@livestore/common:execSqlPrepared:\${sql}\`),
    Effect.withSpan(\`@livestore/common:execSqlPrepared\`, {
        attributes: {
            'span.label': sql,
            sql,
            bindValueKeys: Object.keys(bindValues),
        },
    }));`,
        `    }).pipe(Effect.asVoid);`,
      ],
    ],
  },
  {
    // The second part of the patch above: the span per event the leader writes.
    name: 'the leader opens no tracing span per event it writes',
    file: '@livestore/common/dist/leader-thread/materialize-event.js',
    marker: '/* patched: no span per event */',
    replacements: [
      [
        `    }).pipe(Effect.mapError((cause) => MaterializeError.make({ cause })), Effect.withSpan(\`@livestore/common:leader-thread:materializeEvent\`, {
        attributes: {
            eventName: eventEncoded.name,
            eventNum: eventEncoded.seqNum,
            'span.label': \`\${EventSequenceNumber.Client.toString(eventEncoded.seqNum)} \${eventEncoded.name}\`,
        },
    }));`,
        `    }).pipe(Effect.mapError((cause) => MaterializeError.make({ cause })) /* patched: no span per event */);`,
      ],
    ],
  },
  {
    // A tab that shows how many of its events the server has yet to confirm (the app's sync status) could
    // only follow the leader's whole sync state (SyncStateStream): every change sent every pending event,
    // and each crossing (leader, shared worker, tab) encoded, cloned and decoded them all again. With 1,000
    // events pending, that was ~0.6 s of the sender's CPU while the backlog was pushed, and it grew with
    // the square of the queue while typing offline. The leader now also answers SyncSummaryStream: the
    // pending count and both heads, sent when one of them changes. The tabs expose it as
    // `leaderThread.syncSummary` (patched below in the shared worker and both client-session adapters).
    name: 'the leader answers a summary of its sync state',
    file: '@livestore/adapter-web/dist/web-worker/common/worker-schema.js',
    marker: '/* patched: sync summary */',
    replacements: [
      [
        `export const LeaderWorkerInnerRequest = Schema.Union(LeaderWorkerInnerInitialMessage, `,
        `export class LeaderWorkerInnerSyncSummaryStream extends Schema.TaggedRequest()('SyncSummaryStream', { /* patched: sync summary */
    payload: {},
    success: Schema.Struct({
        pendingCount: Schema.Number,
        upstreamHead: EventSequenceNumber.Client.Composite,
        localHead: EventSequenceNumber.Client.Composite,
    }),
    failure: Schema.Never,
}) {
}
export const LeaderWorkerInnerRequest = Schema.Union(LeaderWorkerInnerSyncSummaryStream, LeaderWorkerInnerInitialMessage, `,
      ],
      [
        `export const SharedWorkerRequest = Schema.Union(SharedWorkerUpdateMessagePort, `,
        `export const SharedWorkerRequest = Schema.Union(SharedWorkerUpdateMessagePort, LeaderWorkerInnerSyncSummaryStream, `,
      ],
    ],
  },
  {
    name: 'the leader worker streams the summary when it changes',
    file: '@livestore/adapter-web/dist/web-worker/leader-worker/make-leader-worker.js',
    marker: '/* patched: sync summary stream */',
    replacements: [
      [
        `    SyncStateStream: () => Effect.gen(function* () {
        const workerCtx = yield* LeaderThreadCtx;
        return workerCtx.syncProcessor.syncState.changes;
    }).pipe(Stream.unwrapScoped),
`,
        `    SyncStateStream: () => Effect.gen(function* () {
        const workerCtx = yield* LeaderThreadCtx;
        return workerCtx.syncProcessor.syncState.changes;
    }).pipe(Stream.unwrapScoped),
    SyncSummaryStream: () => Effect.gen(function* () { /* patched: sync summary stream */
        const workerCtx = yield* LeaderThreadCtx;
        const sameHead = (a, b) => a.global === b.global && a.client === b.client && a.rebaseGeneration === b.rebaseGeneration;
        return workerCtx.syncProcessor.syncState.changes.pipe(Stream.map((state) => ({ pendingCount: state.pending.length, upstreamHead: state.upstreamHead, localHead: state.localHead })), Stream.changesWith((a, b) => a.pendingCount === b.pendingCount && sameHead(a.upstreamHead, b.upstreamHead) && sameHead(a.localHead, b.localHead)));
    }).pipe(Stream.unwrapScoped),
`,
      ],
    ],
  },
  {
    name: 'the shared worker forwards the summary stream',
    file: '@livestore/adapter-web/dist/web-worker/shared-worker/make-shared-worker.js',
    marker: '/* patched: sync summary forwarded */',
    replacements: [
      [
        `        SyncStateStream: forwardRequestStream,
`,
        `        SyncStateStream: forwardRequestStream,
        SyncSummaryStream: forwardRequestStream, /* patched: sync summary forwarded */
`,
      ],
    ],
  },
  {
    // A store's OPFS folder is a pool of files its leader creates on the first open (20 of them); later
    // opens create none unless the folder is empty. A first open interrupted while creating them (the
    // page reloaded or closed within its first seconds) left a pool too small for the databases and
    // their journals: every later open failed with "cannot create file", and the workspace never opened
    // again in that browser. The pool is now topped up to its full size whenever it is short.
    name: 'a store folder left short of files is topped up',
    file: '@livestore/sqlite-wasm/dist/browser/opfs/AccessHandlePoolVFS.js',
    marker: '/* patched: pool topped up */',
    replacements: [
      [
        `                if (this.getCapacity() === 0) {
                    yield* this.addCapacity(DEFAULT_CAPACITY);
                }`,
        `                if (this.getCapacity() < DEFAULT_CAPACITY) { /* patched: pool topped up */
                    yield* this.addCapacity(DEFAULT_CAPACITY - this.getCapacity());
                }`,
      ],
    ],
  },
  {
    // The query graph of a tab (ReactiveGraph) recorded, for every refresh, a copy of all of its nodes
    // (`graphSnapshot`: every query, table and signal with its edges) in a ring of the last 200 refreshes,
    // which nothing in LiveStore 0.4.0 reads (the devtools take a snapshot of their own when asked). A send
    // makes several refreshes, so the copies lived for ~40-100 sends: long enough to survive V8's
    // young-generation collections, be copied and promoted, and die in the old generation. In a 10,000-message
    // channel each scavenge copied and promoted ~4-6 MB (~30 ms of CPU over four threads: the send's longest task on
    // two cores), and the page's heap swung between ~20 and ~90 MB. The ring keeps its entries without the copy.
    name: 'a tab keeps no copy of its query graph per refresh',
    file: '@livestore/livestore/dist/reactive.js',
    marker: '/* patched: no graph snapshot per refresh */',
    replacements: [
      [
        'export class ReactiveGraph {',
        `/* patched: no graph snapshot per refresh */
const NO_GRAPH_SNAPSHOT = Object.freeze({ atoms: Object.freeze([]), effects: Object.freeze([]), deferredEffects: Object.freeze([]) });
export class ReactiveGraph {`,
      ],
      [
        `                            graphSnapshot: this.getSnapshot({ includeResults: false }),
                        });`,
        `                            graphSnapshot: NO_GRAPH_SNAPSHOT,
                        });`,
      ],
      [
        `                graphSnapshot: this.getSnapshot({ includeResults: false }),
            };`,
        `                graphSnapshot: NO_GRAPH_SNAPSHOT,
            };`,
      ],
    ],
  },
  ...['web-worker/client-session/persisted-adapter.js', 'single-tab/single-tab-adapter.js'].map((path) => ({
    // A tab boots fast by reading the state database straight from OPFS, falling back to its leader when
    // that fails; but only failures were caught, not defects. A file of the pool that another tab's leader
    // has just created holds less than a header (reading its flags throws a RangeError), and a file
    // written after it was opened for reading throws NotReadableError: both are defects, and the store
    // never opened, leaving a blank page. It happened to a new browser reloaded ~2.5 s into its first
    // open, while the previous page's leader was still creating the pool (1 in ~8, dbg runs). Any failure
    // of the fast path now falls back to the leader.
    name: `a failed fast boot falls back to the leader (${path.split('/').at(-1)})`,
    file: `@livestore/adapter-web/dist/${path}`,
    marker: '/* patched: fast path defects fall back */',
    replacements: [
      [
        'Effect.orElseSucceed(() => undefined));',
        'Effect.orElseSucceed(() => undefined), Effect.catchAllDefect(() => Effect.succeed(undefined)) /* patched: fast path defects fall back */);',
      ],
    ],
  })),
  ...['web-worker/client-session/persisted-adapter.js', 'single-tab/single-tab-adapter.js'].map((path) => ({
    name: `a tab follows the summary (${path.split('/').at(-1)})`,
    file: `@livestore/adapter-web/dist/${path}`,
    marker: '/* patched: leaderThread.syncSummary */',
    replacements: [
      [
        `            changes: runInWorkerStream(new WorkerSchema.LeaderWorkerInnerSyncStateStream()).pipe(Stream.orDie),
        }),
`,
        `            changes: runInWorkerStream(new WorkerSchema.LeaderWorkerInnerSyncStateStream()).pipe(Stream.orDie),
        }),
        syncSummary: { /* patched: leaderThread.syncSummary */
            changes: runInWorkerStream(new WorkerSchema.LeaderWorkerInnerSyncSummaryStream()).pipe(Stream.orDie),
        },
`,
      ],
    ],
  })),
  {
    // A tab subscribes to its leader's events from its own upstream head, and after a hand-over (its
    // leader's tab closed) subscribes again, from that head, to the new leader. The new leader boots from
    // what the old one wrote, and the old one hands events on to the tabs before writing them (patch 12;
    // LiveStore too, with less time between): a leader closed in between leaves the tab one or more events
    // ahead of the store on disk. The new leader then pulls those events from the server again and hands
    // them on to every tab unfiltered (a new queue is filtered by its cursor only against the payloads
    // cached before it). The tab's merge died on them ("Incoming events must be greater than upstream
    // head"); or, when the tab had committed meanwhile, the new leader's rebase handed them on with the
    // tab's event and the tab applied them twice (a materializer's UNIQUE constraint). Either way its store
    // shut down. The tab now drops the pulled events it already has: at or below its upstream head, and
    // below the first event the payload rolls back. Nothing else reaches a tab so; it logs a warning.
    name: 'a tab drops pulled events it already has',
    file: '@livestore/common/dist/sync/ClientSessionSyncProcessor.js',
    marker: '/* patched: known pulled events dropped */',
    replacements: [
      [
        `        yield* Stream.suspend(() => clientSession.leaderThread.events.pull({ cursor: syncStateRef.current.upstreamHead })).pipe(Stream.tap(({ payload }) => Effect.gen(function* () {
`,
        `        yield* Stream.suspend(() => clientSession.leaderThread.events.pull({ cursor: syncStateRef.current.upstreamHead })).pipe(Stream.tap(({ payload: pulled }) => Effect.gen(function* () {
            /* patched: known pulled events dropped */
            // What the tab keeps of its own: up to its upstream head, and, when the payload rolls events back,
            // only below the first of them (the payload brings the rest again).
            const upstreamHead = syncStateRef.current.upstreamHead;
            let firstRolledBack;
            if (pulled._tag === 'upstream-rebase') {
                for (const event of [...pulled.rollbackEvents, ...syncStateRef.current.pending]) {
                    if (firstRolledBack === undefined || EventSequenceNumber.Client.isGreaterThan(firstRolledBack, event.seqNum) === true)
                        firstRolledBack = event.seqNum;
                }
            }
            const known = (event) => (EventSequenceNumber.Client.isGreaterThan(upstreamHead, event.seqNum) === true ||
                EventSequenceNumber.Client.isEqual(upstreamHead, event.seqNum) === true) &&
                (firstRolledBack === undefined || EventSequenceNumber.Client.isGreaterThan(firstRolledBack, event.seqNum) === true);
            let payload = pulled;
            // Events come in order: if the first is new, all are.
            if (pulled.newEvents.length > 0 && known(pulled.newEvents[0]) === true) {
                const newEvents = pulled.newEvents.filter((event) => known(event) === false);
                payload = pulled._tag === 'upstream-advance'
                    ? SyncState.PayloadUpstreamAdvance.make({ newEvents })
                    : SyncState.PayloadUpstreamRebase.make({ newEvents, rollbackEvents: pulled.rollbackEvents });
                yield* Effect.logWarning('client-session-sync-processor:pull: dropped events the session already has', pulled.newEvents.filter(known).map((event) => EventSequenceNumber.Client.toString(event.seqNum)).join(', '));
            }
`,
      ],
    ],
  },
]

/** 'applied' when the file already carries the patch, 'applicable' when it can be applied, else 'unknown'. */
export const patchState = (patch, source) => {
  if (source.includes(patch.marker)) return 'applied'
  return patch.replacements.every(([before]) => source.split(before).length === 2) ? 'applicable' : 'unknown'
}

export const applyPatches = () => {
  let failed = false
  for (const patch of PATCHES) {
    const file = moduleFile(patch.file)
    const source = readFileSync(file, 'utf8')
    const state = patchState(patch, source)
    if (state === 'applied') continue
    if (state === 'unknown') {
      console.error(`patch-livestore: ${patch.file} is not the LiveStore 0.4.0 this patch is for: ${patch.name}`)
      failed = true
      continue
    }
    writeFileSync(
      file,
      patch.replacements.reduce((text, [before, after]) => text.replace(before, after), source),
    )
    console.log(`patch-livestore: ${patch.name}`)
  }
  return !failed
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !applyPatches()) process.exit(1)
