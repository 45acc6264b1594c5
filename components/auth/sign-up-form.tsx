'use client'

import { signUp } from '@/app/(auth)/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { MIN_PASSWORD_LENGTH, PASSWORD_HINT } from '@/lib/auth/password'

export function SignUpForm({ next, email }: { next?: string | undefined; email?: string | undefined }) {
  return (
    <ActionForm action={signUp} hidden={next ? { next } : {}}>
      {(state, pending) => (
        <>
          <Field
            label="Name"
            name="name"
            autoComplete="name"
            required
            defaultValue={state.values?.name}
            errors={state.fieldErrors?.name}
          />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email ?? email}
            errors={state.fieldErrors?.email}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            hint={PASSWORD_HINT}
            errors={state.fieldErrors?.password}
          />
          <Button disabled={pending}>{pending ? 'Creating account…' : 'Create account'}</Button>
        </>
      )}
    </ActionForm>
  )
}
