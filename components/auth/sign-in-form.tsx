'use client'

import { useActionState } from 'react'

import { signIn } from '@/app/(auth)/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/validated-action'

export function SignInForm({ next }: { next?: string | undefined }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signIn, {})
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage error={state.error} />
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
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Button disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</Button>
    </form>
  )
}
