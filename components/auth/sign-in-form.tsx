'use client'

import { signIn } from '@/app/(auth)/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

export function SignInForm({ next }: { next?: string | undefined }) {
  return (
    <ActionForm action={signIn} hidden={next ? { next } : {}}>
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
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={state.fieldErrors?.password}
          />
          <Button disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</Button>
        </>
      )}
    </ActionForm>
  )
}
