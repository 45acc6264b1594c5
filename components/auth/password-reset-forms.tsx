'use client'

import { requestPasswordReset, resetPassword } from '@/app/(auth)/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { PASSWORD_HINT } from '@/lib/auth/password'

export function ForgotPasswordForm() {
  return (
    <ActionForm action={requestPasswordReset}>
      {(state, pending) => (
        <>
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
        </>
      )}
    </ActionForm>
  )
}

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPassword} hidden={{ token }}>
      {(state, pending) => (
        <>
          <FormMessage error={state.fieldErrors?.token?.join(' ')} />
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={PASSWORD_HINT}
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
        </>
      )}
    </ActionForm>
  )
}
