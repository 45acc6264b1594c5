/** Messages a channel shows at first, and adds with each "Show earlier messages" (the view and the preview). */
export const MESSAGE_WINDOW = 50

/**
 * What a channel view shows. `asked`: how many messages the member asked for (a window per "Show earlier
 * messages"). `oldestId`: the oldest message shown, once known. The view keeps that message at the top while
 * new ones arrive, so a new message adds a row at the bottom: sliding the window by one would move every row,
 * and the browser would lay out and repaint all of them on each send.
 */
export type MessageWindow = { asked: number; oldestId: string | null }

export const firstWindow: MessageWindow = { asked: MESSAGE_WINDOW, oldestId: null }

/** How many messages to read, newest first: room for a window of arrivals before the view slides, plus one to tell "earlier". */
export const readLimit = (window: MessageWindow) => window.asked + MESSAGE_WINDOW + 1

/** The window one "Show earlier messages" further back. */
export const earlierWindow = (window: MessageWindow): MessageWindow => ({
  asked: window.asked + MESSAGE_WINDOW,
  oldestId: null,
})

/**
 * The messages to show, oldest first, from those read newest first (at most `readLimit(window)`), and the window
 * to keep. At least the newest `asked` (all of a shorter channel), and further down to the window's oldest message
 * while that one is still read; when it no longer is (a window's worth arrived since), the newest `asked` and a new
 * oldest. Messages are ordered by when they were written, not when they arrived: one written before the oldest
 * shown can arrive later (sent offline, or at the same moment as one's own and synced after it), and within the
 * newest `asked` it is shown in its place.
 */
export const shownIn = <M extends { id: string }>(
  newestFirst: readonly M[],
  window: MessageWindow,
): { messages: M[]; earlier: boolean; window: MessageWindow } => {
  const kept = window.oldestId === null ? -1 : newestFirst.findIndex((message) => message.id === window.oldestId)
  const newest = Math.min(window.asked, newestFirst.length)
  // The last row read only tells whether there is anything earlier: it is never shown.
  const count = kept >= 0 && kept < readLimit(window) - 1 ? Math.max(kept + 1, newest) : newest
  const messages = newestFirst.slice(0, count).reverse()
  const oldestId = messages[0]?.id ?? null
  return {
    messages,
    earlier: newestFirst.length > count,
    window: oldestId === window.oldestId ? window : { asked: window.asked, oldestId },
  }
}
