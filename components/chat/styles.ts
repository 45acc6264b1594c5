// Class names the chat's own controls share (buttons come from components/ui).
export const inputClass =
  'w-full rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-zinc-900 dark:border-zinc-700 dark:focus-visible:outline-zinc-100'

export const quietButtonClass = 'text-xs text-zinc-500 underline-offset-4 hover:underline'
