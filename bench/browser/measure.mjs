// The browser benchmark's engine: two people (Ann and Bob, separate browser contexts) in one workspace
// of the preview build, measured end to end in Chromium, as a person would live it. Items of the
// workspace app (tests/app-under-test.ts; the chat: messages) are typed into Ann's page (in-page, at a
// fixed rate) and timed until they appear in Bob's page; long workspaces are prepared through the sync
// protocol (seed-events.mjs). Used by bench/browser.mjs (full sizes) and by
// tests/e2e/browser-bench.spec.ts (smoke sizes, asserting correctness, never speed).
import { cpus } from 'node:os'

import { driver, fixtures } from '../../tests/app-under-test.ts'
import { withOthersInBackground } from './foreground.mjs'
import { pushEvents, seedItems } from './seed-events.mjs'
import { calibrationMs, systemCpuDuring } from './system-cpu.mjs'

const round = (ms) => (ms === null || ms === undefined ? null : Math.round(ms))

const percentiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p) =>
    sorted.length === 0 ? null : round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))])
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1)) }
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** Records when each item text first appears in the page (Date.now(), the clock both pages share). */
const watchArrivals = (page) =>
  page.evaluate((itemText) => {
    const seen = new Map()
    const record = (node) => {
      if (!(node instanceof Element)) return
      const texts = node.matches(itemText) ? [node] : node.querySelectorAll(itemText)
      for (const text of texts) if (!seen.has(text.textContent)) seen.set(text.textContent, Date.now())
    }
    record(document.body)
    new MutationObserver((mutations) => {
      for (const mutation of mutations) for (const node of mutation.addedNodes) record(node)
    }).observe(document.body, { childList: true, subtree: true })
    window.__arrivals = seen
  }, driver.selectors.itemText)

const arrivalsOf = (page, texts) =>
  page.evaluate((wanted) => wanted.map((text) => window.__arrivals.get(text) ?? null), texts)

const waitForText = (page, text, timeout) =>
  page.waitForFunction((wanted) => window.__arrivals?.has(wanted) === true, text, { timeout, polling: 50 })

/**
 * Types `texts` into the app's input, one every `intervalMs`, and submits each, in the page itself (no
 * round trip to the test runner per item). Resolves with each item's submit time.
 */
export const typeItems = (page, texts, intervalMs) =>
  page.evaluate(
    async ({ texts, intervalMs, selector }) => {
      const input = document.querySelector(selector)
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
      const sentAt = []
      const start = performance.now()
      for (let i = 0; i < texts.length; i++) {
        const due = start + i * intervalMs
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())))
        setValue.call(input, texts[i])
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await new Promise((resolve) => setTimeout(resolve, 0)) // React renders the typed text
        performance.mark(`bench-send-${i}`)
        sentAt.push(Date.now())
        input.form.requestSubmit()
      }
      return sentAt
    },
    { texts, intervalMs, selector: driver.selectors.input },
  )

/**
 * When each string (an item's text among them) first crossed one of the page's sync sockets (its leader
 * worker's), by direction: splits a latency into sender, server and receiver parts.
 */
const watchFrames = (page) => {
  const sent = new Map()
  const received = new Map()
  // Every push the page's leader sent (events in it) and every ServerAheadError it was answered with.
  const pushes = []
  let serverAhead = 0
  const record = (map, payload) => {
    const now = Date.now()
    for (const match of String(payload).matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      if (!map.has(match[1])) map.set(match[1], now)
    }
  }
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/sync?')) return
    ws.on('framesent', ({ payload }) => {
      record(sent, payload)
      if (String(payload).includes('"SyncWsRpc.Push"')) pushes.push(JSON.parse(String(payload)).payload.batch.length)
    })
    ws.on('framereceived', ({ payload }) => {
      record(received, payload)
      if (String(payload).includes('ServerAheadError')) serverAhead++
    })
  })
  return {
    sent,
    received,
    /** Pushes and events pushed so far, and ServerAheadError answers. */
    counts: () => ({ pushes: pushes.length, eventsPushed: pushes.reduce((a, b) => a + b, 0), serverAhead }),
  }
}

const median = (values) => percentiles(values).p50

/** Adds items at `rate` per second from Ann and times each until Bob's page shows it. */
const measureLatency = async ({ ann, bob, frames, count, rate, label, timeout }) => {
  const texts = Array.from({ length: count }, (_, i) => `${label} ${unique()} ${i + 1}`)
  const sentAt = await typeItems(ann, texts, 1000 / rate)
  await waitForText(bob, texts.at(-1), timeout)
  const arrivedAt = await arrivalsOf(bob, texts)
  const missing = arrivedAt.filter((t) => t === null).length
  const latencies = arrivedAt.flatMap((t, i) => (t === null ? [] : [t - sentAt[i]]))
  // Medians of the three legs: Ann's leader pushing, the server broadcasting, Bob's page rendering.
  const legs = texts.map((text, i) => ({
    pushed: frames.ann.sent.get(text),
    broadcast: frames.bob.received.get(text),
    shown: arrivedAt[i],
    typed: sentAt[i],
  }))
  const complete = legs.filter((l) => l.pushed !== undefined && l.broadcast !== undefined && l.shown !== null)
  return {
    rate,
    items: count,
    missing,
    ...percentiles(latencies),
    medianLegsMs: {
      typedToPushed: median(complete.map((l) => l.pushed - l.typed)),
      pushedToReceived: median(complete.map((l) => l.broadcast - l.pushed)),
      receivedToShown: median(complete.map((l) => l.shown - l.broadcast)),
    },
  }
}

/**
 * Chromium's trace of what `run` makes the page's renderer do (CDP tracing on the page's target). The trace
 * stays in the browser until the end (a stream read afterwards): sending it to this process while it runs
 * took CPU from the page on a small machine and made its tasks look longer (max 18–43 ms against 15–20 ms).
 */
export const tracePage = async (page, categories, run) => {
  const cdp = await page.context().newCDPSession(page)
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReturnAsStream' })
  const chunks = []
  try {
    await run()
  } finally {
    await cdp.send('Tracing.end')
    const { stream } = await complete
    for (;;) {
      const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 })
      chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString() : data)
      if (eof) break
    }
    await cdp.send('IO.close', { handle: stream })
    await cdp.detach()
  }
  const trace = JSON.parse(chunks.join(''))
  return Array.isArray(trace) ? trace : trace.traceEvents
}

/** Longest main-thread task around each send (Chromium tracing of Ann's renderer). */
const traceSends = async ({ ann, count }) => {
  const texts = Array.from({ length: count }, (_, i) => `cost ${unique()} ${i + 1}`)
  const intervalMs = 500
  // Tasks and the send marks only: every category traced costs the page time while it is measured.
  let cpuPerSendMs = null
  const events = await tracePage(ann, ['toplevel', 'blink.user_timing'], async () => {
    // Who had the machine's cores meanwhile: a task's wall time beyond its thread time is waiting for one.
    const { cpu } = await systemCpuDuring(async () => {
      await typeItems(ann, texts, intervalMs)
      await ann.waitForTimeout(intervalMs)
    }, count)
    cpuPerSendMs = cpu
  })
  const marks = events.filter(
    (e) => e.name?.startsWith('bench-send-') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'),
  )
  if (marks.length === 0) throw new Error('no send marks in the trace')
  const pid = marks[0].pid
  const mainTid = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  )?.tid
  const tasks = events.filter(
    (e) =>
      e.pid === pid &&
      e.tid === mainTid &&
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  )
  // Per send: the longest task in wall time (what blocks input), and the most thread time any one task took
  // (tdur: what the page itself computed; the rest of a long wall time is the thread waiting for a core).
  const perSend = marks.map((mark) => {
    const from = mark.ts
    const to = mark.ts + (intervalMs - 50) * 1000
    let wall = 0
    let cpu = 0
    for (const task of tasks) {
      if (task.ts >= to || task.ts + task.dur <= from) continue
      wall = Math.max(wall, task.dur)
      cpu = Math.max(cpu, task.tdur ?? 0)
    }
    return { wall: wall / 1000, cpu: cpu / 1000 }
  })
  return {
    sends: perSend.length,
    longestTaskMs: percentiles(perSend.map((send) => send.wall)),
    longestTaskCpuMs: percentiles(perSend.map((send) => send.cpu)),
    cpuPerSendMs,
  }
}

/** The operating system's id of the page's renderer process, from a trace mark. */
const rendererPidOf = async (page) => {
  const events = await tracePage(page, ['blink.user_timing'], () =>
    page.evaluate(() => performance.mark('bench-renderer')),
  )
  return events.find((e) => e.name === 'bench-renderer')?.pid
}

/**
 * The send's cost twice: first with Ann's browser at the front of the machine, as on her own computer (the server
 * and Bob's browser, on other machines in life, at the lowest priority: foreground.mjs); then with every process
 * at the same priority, as this one machine runs them all.
 */
const measureSendCost = async ({ ann, count }) => {
  const { result: ownMachine, othersLowered } = await withOthersInBackground(await rendererPidOf(ann), () =>
    traceSends({ ann, count }),
  )
  return { ownMachine: { ...ownMachine, othersLowered }, sharedMachine: await traceSends({ ann, count }) }
}

/** The seqNum of the newest event the page's store has from the server (every event of the workspace). */
const headOf = (page, storeId) =>
  page.evaluate(
    (storeId) => Number(/^e(\d+)/.exec(globalThis.__debugLiveStore[storeId].syncStatus().upstreamHead)?.[1] ?? 0),
    storeId,
  )

/**
 * Ann adds `count` items while offline (an offline backlog: her leader holds them all before the network
 * comes back); times them from her going online until Bob's page shows the last one.
 */
const measureBacklog = async ({ ann, annContext, bob, frames, storeId, count, timeout }) => {
  const prefix = `backlog ${unique()}`
  const texts = Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`)
  const bobHeadBefore = await headOf(bob, storeId)
  await annContext.setOffline(true)
  await typeItems(ann, texts, 0)
  await ann
    .getByTestId('sync-pending')
    .filter({ hasText: `${count} not yet synced` })
    .waitFor({ timeout })
  const before = frames.ann.counts()
  const online = Date.now()
  await annContext.setOffline(false)
  await waitForText(bob, texts.at(-1), timeout)
  const [arrived] = await arrivalsOf(bob, [texts.at(-1)])
  const ms = arrived - online
  // Whether every event reached Bob: his store's confirmed head moves by `count` (the app may show only
  // its newest items).
  let inBobsStore = 0
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await bob.waitForTimeout(100)) {
    inBobsStore = (await headOf(bob, storeId)) - bobHeadBefore
    if (inBobsStore >= count) break
  }
  const after = frames.ann.counts()
  // Where the time went: Ann's leader reconnecting and pushing, the server, Bob's leader and page.
  const firstPushed = frames.ann.sent.get(texts[0])
  const lastPushed = frames.ann.sent.get(texts.at(-1))
  const lastReceived = frames.bob.received.get(texts.at(-1))
  const legsMs =
    firstPushed === undefined || lastPushed === undefined || lastReceived === undefined
      ? null
      : {
          onlineToFirstPush: firstPushed - online,
          firstToLastPush: lastPushed - firstPushed,
          lastPushedToReceived: lastReceived - lastPushed,
          receivedToShown: arrived - lastReceived,
        }
  return {
    events: count,
    msUntilOnScreen: round(ms),
    legsMs,
    eventsPerSecond: Math.round((count / ms) * 1000),
    inBobsStore,
    pushes: after.pushes - before.pushes,
    eventsPushed: after.eventsPushed - before.eventsPushed,
    serverAheadAnswers: after.serverAhead - before.serverAhead,
    newest: texts.at(-1),
  }
}

/**
 * In every document of the page, records (window.__shownAt, epoch ms) the frame in which `text` is first
 * in the DOM: the page paints it then. Timed inside the page, not by polling from Playwright, whose
 * checks wait behind whatever else the page's main thread runs after that paint (hydration, the store).
 */
const recordShown = (context, text) =>
  context.addInitScript((wanted) => {
    const has = (node) =>
      node.nodeType === Node.TEXT_NODE ? node.data === wanted : (node.textContent ?? '').includes(wanted)
    const observer = new MutationObserver((records) => {
      if (!records.some((record) => [...record.addedNodes].some(has))) return
      observer.disconnect()
      requestAnimationFrame(() => {
        window.__shownAt = performance.timeOrigin + performance.now()
        // The navigation's phases, to split the time until shown (ms since the navigation started).
        const navigation = performance.getEntriesByType('navigation')[0]
        window.__shownPhases = { navigationStart: performance.timeOrigin, firstByte: navigation?.responseStart ?? null }
      })
    })
    observer.observe(document, { childList: true, subtree: true })
  }, text)

/**
 * Opens the workspace in a new browser profile (empty OPFS, Bob's session): from navigation until its
 * newest item is painted (the server's preview counts), and until the app is ready for input (the store
 * open and synced up to it); then reloads `reloads` times, timing the same two moments. Each warm reload
 * is of a page in use: once it says Synced (its leader connected and caught up), as a person reloads a
 * page they have been reading. Between them, as many reloads come the moment the page is ready, while its
 * leader is still fetching a sync token and connecting (the server and the browser busy with that):
 * reported apart (`warmReloadAtReadyMs`), they measured ~60 ms slower than 1.5 s later on this host.
 */
const measureOpen = async ({ newProfile, cookies, url, newest, reloads = 3, timeout }) => {
  const context = await newProfile()
  try {
    await context.addCookies(cookies)
    await recordShown(context, newest)
    const page = await firstPage(context)
    const open = async (go) => {
      const start = Date.now()
      await go()
      const shownAt = await (await page.waitForFunction(() => window.__shownAt, undefined, { timeout })).jsonValue()
      await driver.ready(page)
      await page.locator(driver.selectors.itemText, { hasText: newest }).first().waitFor({ timeout })
      const phases = await page.evaluate(() => window.__shownPhases)
      return {
        shownMs: shownAt - start,
        readyMs: Date.now() - start,
        // Until the browser started the navigation (Playwright's command, the old page's unload), until
        // the server's first byte, until shown.
        legs: {
          untilNavigationStart: phases.navigationStart - start,
          navigationToFirstByte: phases.firstByte,
          firstByteToShown: shownAt - phases.navigationStart - phases.firstByte,
        },
      }
    }
    const cold = await open(() => page.goto(url, { waitUntil: 'commit' }))
    const reload = () => open(() => page.reload({ waitUntil: 'commit' }))
    const warm = []
    const atReady = []
    for (let i = 0; i < reloads; i++) {
      await waitSynced(page, timeout)
      warm.push(await reload())
      atReady.push(await reload())
    }
    return {
      coldMs: round(cold.shownMs),
      coldReadyMs: cold.readyMs,
      coldLegsMs: roundLegs(cold.legs),
      warmReloadMs: percentiles(warm.map((w) => w.shownMs)),
      warmReloadMedianLegsMs: medianLegs(warm),
      warmReadyMs: percentiles(warm.map((w) => w.readyMs)),
      warmReloadAtReadyMs: percentiles(atReady.map((w) => w.shownMs)),
      warmReloadAtReadyMedianLegsMs: medianLegs(atReady),
    }
  } finally {
    await context.close()
  }
}

const medianLegs = (opens) => ({
  untilNavigationStart: median(opens.map((o) => o.legs.untilNavigationStart)),
  navigationToFirstByte: median(opens.map((o) => o.legs.navigationToFirstByte)),
  firstByteToShown: median(opens.map((o) => o.legs.firstByteToShown)),
})

const roundLegs = (legs) => Object.fromEntries(Object.entries(legs).map(([leg, ms]) => [leg, round(ms)]))

const firstPage = async (context) => context.pages()[0] ?? (await context.newPage())

const signUp = async (newProfile, name, email, password, invitationLink) => {
  const context = await newProfile()
  const page = await firstPage(context)
  await page.goto('/sign-up')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  await followMail(page, email, /verify your email/i)
  if (invitationLink !== undefined) {
    await page.goto(invitationLink)
    await page.getByRole('button', { name: 'Accept invitation' }).click()
  }
  return { context, page }
}

const followMail = async (page, email, subject) => page.goto(await mailLink(page, email, subject))

/** The first link of the newest mail to `email` in the dev mailbox whose subject matches. */
const mailLink = async (page, email, subject) => {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`)
  const mail = page
    .getByTestId('mail')
    .filter({ has: page.getByTestId('mail-subject').filter({ hasText: subject }) })
    .first()
  return mail.getByRole('link').first().getAttribute('href')
}

const waitSynced = (page, timeout) =>
  page.getByTestId('sync-status').and(page.locator('[data-phase="synced"]')).waitFor({ timeout })

/** Ann signs up and creates a workspace ready for items; Bob is invited, joins, and has it open. */
export const setUpWorkspace = async ({ newProfile, timeout, log = () => {} }) => {
  const id = unique()
  log('signing up Ann and creating the workspace')
  const annEmail = `ann-${id}@example.test`
  const { context: annContext, page: ann } = await signUp(newProfile, 'Ann', annEmail, 'ann password 1')
  await ann.getByLabel('Workspace name').fill(`Bench ${id}`)
  await ann.getByLabel('Workspace name').press('Tab')
  await ann.getByRole('button', { name: 'Create workspace' }).click()
  await ann.waitForURL(/\/w\/[^/]+$/)
  const workspaceUrl = new URL(ann.url()).pathname
  log(`workspace ${workspaceUrl}`)
  const bobEmail = `bob-${id}@example.test`
  await ann.goto(`${workspaceUrl}/members`)
  await ann.getByLabel('Email to invite').fill(bobEmail)
  await ann.getByLabel('Role').selectOption('member')
  await ann.getByRole('button', { name: 'Send invitation' }).click()
  await ann.getByText(`Invitation sent to ${bobEmail}.`).waitFor()
  const invitation = await mailLink(ann, bobEmail, /invited you/i)
  const { context: bobContext, page: bob } = await signUp(newProfile, 'Bob', bobEmail, 'bob password 1', invitation)
  await bob.waitForURL(new RegExp(`${workspaceUrl}$`))

  const syncSockets = []
  ann.on('websocket', (ws) => syncSockets.push(ws.url()))
  const frames = { ann: watchFrames(ann), bob: watchFrames(bob) }
  await ann.goto(workspaceUrl)
  const workspaceId = await workspaceIdOf(ann, syncSockets)
  // Sync tokens are short-lived (30 s in the e2e run): one is fetched right before each use.
  const syncTokenNow = async () =>
    (await ann.request.post(`/api/workspaces/${encodeURIComponent(workspaceId)}/sync-token`)).json()
  const syncToken = await syncTokenNow()
  const { storeId } = syncToken
  // The token's subject is Ann's user id, which every event she pushes must carry.
  const userId = JSON.parse(Buffer.from(syncToken.token.split('.')[1], 'base64url').toString()).sub
  // What the app needs before items (the chat: a channel), pushed through the protocol as Ann.
  await pushEvents({
    baseURL: new URL(ann.url()).origin,
    storeId,
    workspaceId,
    token: syncToken.token,
    events: fixtures.setupEvents(userId, Date.now()),
  })
  await ann.locator(driver.selectors.input).waitFor()
  await bob.goto(workspaceUrl)
  await bob.locator(driver.selectors.input).waitFor()
  await watchArrivals(bob)
  await waitSynced(ann, timeout)
  return {
    id,
    ann,
    annContext,
    bob,
    bobContext,
    frames,
    storeId,
    userId,
    workspaceId,
    syncTokenNow,
    workspaceUrl,
  }
}

/**
 * Runs every measure and returns one JSON-able object. `sizes` scales it: the full run uses 10,000
 * seeded items; the smoke run in `npm test` a few dozen. `newProfile()` starts a browser with a new,
 * empty profile on disk (a persistent context): each person has their own, as on their own computer.
 * Not Playwright's default contexts: those keep OPFS in memory, where each write costs ~0.8 ms instead of
 * ~20 µs, which is no browser a person uses.
 */
export const runBrowserBench = async ({ newProfile, baseURL, sizes, log = () => {} }) => {
  const timeout = sizes.timeoutMs ?? 120_000
  const { id, ann, annContext, bob, bobContext, frames, storeId, userId, workspaceId, syncTokenNow, workspaceUrl } =
    await setUpWorkspace({ newProfile, timeout, log })

  const result = {
    benchmark: 'browser: two members in Chromium on the preview build',
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    calibrationMs: calibrationMs(),
    sizes,
    latency: {},
  }
  log('latency, empty workspace')
  result.latency.empty = {
    at4PerSecond: await measureLatency({
      ann,
      bob,
      frames,
      count: sizes.latencyItems,
      rate: 4,
      label: 'e4',
      timeout,
    }),
    at20PerSecond: await measureLatency({
      ann,
      bob,
      frames,
      count: sizes.latencyItems,
      rate: 20,
      label: 'e20',
      timeout,
    }),
  }

  log(`backlog of ${sizes.backlog}`)
  result.backlog = await measureBacklog({
    ann,
    annContext,
    bob,
    frames,
    storeId,
    count: sizes.backlog,
    timeout,
  })
  await waitSynced(ann, timeout)

  const bobCookies = await bobContext.cookies()
  // Events in the workspace: every page's store has them all once synced.
  const eventsNow = () => headOf(ann, storeId)
  let newest = result.backlog.newest

  log('cold open, small workspace')
  result.open = {
    small: {
      events: await eventsNow(),
      ...(await measureOpen({
        newProfile,
        cookies: bobCookies,
        url: workspaceUrl,
        newest,
        reloads: sizes.warmReloads,
        timeout,
      })),
    },
  }

  const toSeed = Math.max(0, sizes.largeWorkspace - (await eventsNow()))
  log(`seeding ${toSeed} items through the sync protocol`)
  const seeded = await seedItems({
    baseURL,
    storeId,
    workspaceId,
    token: (await syncTokenNow()).token,
    userId,
    count: toSeed,
    prefix: `seed-${id}`,
  })
  // Both open pages pull the seeded log live; wait until each has all of it.
  const lastSeeded = seeded.at(-1)
  if (lastSeeded !== undefined) {
    await ann.getByText(lastSeeded, { exact: true }).waitFor({ timeout: timeout * 3 })
    await waitForText(bob, lastSeeded, timeout * 3)
    newest = lastSeeded
  }

  log('cold open, large workspace')
  result.open.large = {
    events: await eventsNow(),
    ...(await measureOpen({
      newProfile,
      cookies: bobCookies,
      url: workspaceUrl,
      newest,
      reloads: sizes.warmReloads,
      timeout: timeout * 3,
    })),
  }

  log('latency, large workspace')
  result.latency.large = {
    eventsInWorkspace: await eventsNow(),
    at4PerSecond: await measureLatency({
      ann,
      bob,
      frames,
      count: sizes.latencyItems,
      rate: 4,
      label: 'l4',
      timeout,
    }),
    at20PerSecond: await measureLatency({
      ann,
      bob,
      frames,
      count: sizes.latencyItems,
      rate: 20,
      label: 'l20',
      timeout,
    }),
  }

  log('send cost, large workspace')
  result.sendCost = {
    eventsInWorkspace: await eventsNow(),
    ...(await measureSendCost({ ann, count: sizes.sendCostItems })),
  }

  await annContext.close()
  await bobContext.close()
  return result
}

/** The workspace id, from the sync payload of a socket the page's leader opened. */
const workspaceIdOf = async (page, socketUrls) => {
  for (let i = 0; i < 300 && !socketUrls.some((url) => url.includes('/sync?')); i++) await page.waitForTimeout(100)
  const url = socketUrls.find((url) => url.includes('/sync?'))
  if (url === undefined) throw new Error('the page opened no sync socket')
  return JSON.parse(decodeURIComponent(new URL(url).searchParams.get('payload'))).workspaceId
}
