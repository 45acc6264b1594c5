'use client'

import { ActionForm, type FormAction } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'

/** A one-button form for a server action, with its hidden fields; errors show beside the button. */
export function ActionButton({
  action,
  fields,
  label,
  variant = 'secondary',
}: {
  action: FormAction
  fields: Record<string, string>
  label: string
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  return (
    <ActionForm action={action} hidden={fields} className="inline-flex items-center gap-2">
      {(state, pending) => {
        const fieldMessage = Object.values(state.fieldErrors ?? {})
          .flat()
          .join(' ')
        return (
          <>
            <Button variant={variant} disabled={pending} className="px-2 py-1 text-xs">
              {label}
            </Button>
            {fieldMessage ? (
              <span role="alert" className="text-xs text-red-600 dark:text-red-400">
                {fieldMessage}
              </span>
            ) : null}
          </>
        )
      }}
    </ActionForm>
  )
}
