import { describe, expect, it } from 'vitest'

import { earlierWindow, firstWindow, MESSAGE_WINDOW, type MessageWindow, readLimit, shownIn } from './window'

/** A channel of `count` messages m1…m{count}, read newest first as the view's query does. */
const read = (count: number, window: MessageWindow) =>
  Array.from({ length: count }, (_, i) => ({ id: `m${count - i}` })).slice(0, readLimit(window))

const ids = (messages: { id: string }[]) => messages.map((message) => message.id)

/** The view's render loop: show, keep the window it returns, as React does on the next render. */
const settle = (count: number, window: MessageWindow) => {
  const first = shownIn(read(count, window), window)
  return shownIn(read(count, first.window), first.window)
}

describe('message window', () => {
  it('shows the newest window of a long channel, oldest first, and says there is more', () => {
    const shown = settle(10_000, firstWindow)
    expect(shown.messages).toHaveLength(MESSAGE_WINDOW)
    expect(shown.messages[0]?.id).toBe(`m${10_001 - MESSAGE_WINDOW}`)
    expect(shown.messages.at(-1)?.id).toBe('m10000')
    expect(shown.earlier).toBe(true)
    expect(shown.window).toEqual({ asked: MESSAGE_WINDOW, oldestId: `m${10_001 - MESSAGE_WINDOW}` })
  })

  it('adds arriving messages at the bottom and keeps the top row where it is', () => {
    const before = settle(10_000, firstWindow)
    const after = shownIn(read(10_003, before.window), before.window)
    expect(after.window).toBe(before.window)
    expect(after.messages).toHaveLength(MESSAGE_WINDOW + 3)
    expect(ids(after.messages).slice(0, MESSAGE_WINDOW)).toEqual(ids(before.messages))
    expect(ids(after.messages).slice(-3)).toEqual(['m10001', 'm10002', 'm10003'])
    expect(after.earlier).toBe(true)
  })

  it('slides back to one window once a window of messages has arrived, never showing the row that only tells "earlier"', () => {
    const before = settle(10_000, firstWindow)
    // Its oldest row is still read, but as the extra row: the view starts over from the newest.
    const full = shownIn(read(10_000 + MESSAGE_WINDOW, before.window), before.window)
    expect(full.messages).toHaveLength(MESSAGE_WINDOW * 2)
    expect(full.earlier).toBe(true)
    const over = shownIn(read(10_001 + MESSAGE_WINDOW, before.window), before.window)
    expect(over.messages).toHaveLength(MESSAGE_WINDOW)
    expect(over.messages.at(-1)?.id).toBe(`m${10_001 + MESSAGE_WINDOW}`)
    expect(over.window.oldestId).toBe(over.messages[0]?.id)
    expect(over.earlier).toBe(true)
  })

  it('shows a short channel whole, with nothing earlier, and keeps growing it', () => {
    const empty = settle(0, firstWindow)
    expect(empty).toEqual({ messages: [], earlier: false, window: firstWindow })
    const one = settle(1, empty.window)
    expect(ids(one.messages)).toEqual(['m1'])
    expect(one.earlier).toBe(false)
    const three = shownIn(read(3, one.window), one.window)
    expect(ids(three.messages)).toEqual(['m1', 'm2', 'm3'])
    expect(three.earlier).toBe(false)
  })

  it('shows a message written before the oldest shown but arriving after it, in its place', () => {
    // Bob's own message shows first; Ann's, written a moment earlier, reaches his store after it.
    const own = settle(1, firstWindow)
    expect(own.window.oldestId).toBe('m1')
    const late = [{ id: 'm1' }, { id: 'ann' }]
    const shown = shownIn(late, own.window)
    expect(ids(shown.messages)).toEqual(['ann', 'm1'])
    expect(shown.earlier).toBe(false)
    expect(shown.window.oldestId).toBe('ann')
    // In a long channel one written before the whole window is earlier history, behind the button, and the
    // window does not move.
    const before = settle(10_000, firstWindow)
    const read10k = read(10_000, before.window)
    const behind = shownIn(
      [...read10k.slice(0, MESSAGE_WINDOW), { id: 'old' }, ...read10k.slice(MESSAGE_WINDOW)],
      before.window,
    )
    expect(behind.messages).toEqual(before.messages)
    expect(behind.window).toBe(before.window)
    expect(behind.earlier).toBe(true)
  })

  it('"Show earlier messages" adds a window at the top, and the end of the channel hides the button', () => {
    const total = 2.5 * MESSAGE_WINDOW
    const shown = settle(total, firstWindow)
    const earlier = settle(total, earlierWindow(shown.window))
    expect(earlier.messages).toHaveLength(2 * MESSAGE_WINDOW)
    expect(earlier.messages[0]?.id).toBe(`m${total - 2 * MESSAGE_WINDOW + 1}`)
    expect(earlier.earlier).toBe(true)
    const all = settle(total, earlierWindow(earlier.window))
    expect(all.messages).toHaveLength(total)
    expect(all.earlier).toBe(false)
  })
})
