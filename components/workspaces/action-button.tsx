'use client'

import { useActionState } from 'react'

import { Button } from '@/components/ui/button'
import type { ActionState } from '@/lib/validated-action'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

/** A one-button form for a server action, with its hidden fields and the action's answer. */
export function ActionButton({
  action,
  fields,
  label,
  variant = 'secondary',
}: {
  action: Action
  fields: Record<string, string>
  label: string
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {})
  const message =
    state.error ??
    Object.values(state.fieldErrors ?? {})
      .flat()
      .join(' ')
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} disabled={pending} className="px-2 py-1 text-xs">
        {label}
      </Button>
      {message ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {message}
        </span>
      ) : null}
    </form>
  )
}
