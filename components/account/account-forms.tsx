'use client'

import { useActionState } from 'react'

import { changeName, changePassword, deleteAccount } from '@/app/account/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/validated-action'

export function ChangeNameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeName, {})
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage error={state.error} success={state.success} />
      <Field
        label="Name"
        name="name"
        autoComplete="name"
        defaultValue={state.values?.name ?? name}
        errors={state.fieldErrors?.name}
      />
      <Button disabled={pending} className="self-start">
        Save name
      </Button>
    </form>
  )
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePassword, {})
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage error={state.error} success={state.success} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        errors={state.fieldErrors?.password}
      />
      <Field
        label="Repeat the new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.confirm}
      />
      <Button disabled={pending} className="self-start">
        Change password
      </Button>
    </form>
  )
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteAccount, {})
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage error={state.error} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.password}
      />
      <Field
        label="Type “delete my account” to confirm"
        name="confirmation"
        autoComplete="off"
        defaultValue={state.values?.confirmation}
        errors={state.fieldErrors?.confirmation}
      />
      <Button variant="danger" disabled={pending} className="self-start">
        Delete my account
      </Button>
    </form>
  )
}
