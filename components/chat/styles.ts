// Class names the chat's own controls share (buttons come from components/ui), and those of the markup the
// server-built preview (chat-preview.tsx) repeats from the live chat, so the two stay the same page.
export const inputClass =
  'w-full rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-zinc-900 dark:border-zinc-700 dark:focus-visible:outline-zinc-100'

export const quietButtonClass = 'text-xs text-zinc-500 underline-offset-4 hover:underline'

export const chatLayoutClass = 'grid min-h-[60vh] grid-cols-1 gap-6 md:grid-cols-[14rem_1fr]'
export const channelButtonClass =
  'w-full truncate rounded-md px-2 py-1 text-left text-sm hover:bg-zinc-100 aria-[current=true]:bg-zinc-100 aria-[current=true]:font-semibold dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-zinc-800'
export const channelHeaderClass =
  'flex items-center justify-between gap-4 border-b border-zinc-200 pb-2 dark:border-zinc-800'
// The messages scroll in a pane of their own above the composer, which stays in view. A column-reverse
// scroller starts at its end, so the pane opens at the newest message with no script (the server-built
// preview too). Its content is a layer of its own (will-change): a new message at the bottom moves that
// layer instead of every row in it, so the browser repaints one row, not the window.
export const messagesPaneClass = 'flex h-[calc(100dvh-19rem)] min-h-64 flex-col-reverse overflow-y-auto'
export const messagesClass = 'flex flex-col gap-3 py-1 pr-2 pl-0.5 will-change-transform'
// Each row contains its layout and style: a PaintLayer of its own, whose painting the browser keeps while other
// rows come and go, instead of walking every row's display items again (the frame after a send in a 10,000-message
// channel: paint 2.8-3.2 → 1.1 ms). Not paint containment: that would clip the focus outline of a row's edit box.
export const messageItemClass = 'flex flex-col gap-1 [contain:layout_style]'
export const messageMetaClass = 'flex items-baseline gap-2 text-xs text-zinc-500'
export const authorClass = 'font-medium text-zinc-900 dark:text-zinc-100'
export const messageTextClass = 'whitespace-pre-wrap break-words text-sm'
export const deletedMessageClass = 'text-sm italic text-zinc-500'
