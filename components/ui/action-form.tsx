'use client'

import { type ReactNode, useActionState } from 'react'

import type { ActionState } from '@/lib/validated-action'

import { FormMessage } from './form-message'

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>

/**
 * A form bound to a server action made with validatedAction (lib/validated-action.ts): it shows the
 * action's message and hands its state (field errors, submitted values) and pending flag to the fields.
 */
export function ActionForm({
  action,
  hidden = {},
  className = 'flex flex-col gap-4',
  children,
}: {
  action: FormAction
  hidden?: Record<string, string>
  className?: string
  children: (state: ActionState, pending: boolean) => ReactNode
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {})
  return (
    <form action={formAction} className={className} noValidate>
      <FormMessage error={state.error} success={state.success} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(state, pending)}
    </form>
  )
}
