'use client'

import { useActionState } from 'react'

import { requestPasswordReset, resetPassword } from '@/app/(auth)/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/validated-action'

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestPasswordReset, {})
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage error={state.error} success={state.success} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Button disabled={pending}>{pending ? 'Sending…' : 'Send reset link'}</Button>
    </form>
  )
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPassword, {})
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage error={state.error ?? state.fieldErrors?.token?.join(' ')} />
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        errors={state.fieldErrors?.password}
      />
      <Field
        label="Repeat the new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirm}
      />
      <Button disabled={pending}>{pending ? 'Saving…' : 'Set new password'}</Button>
    </form>
  )
}
