'use client'

import { useActionState } from 'react'

import { signUp } from '@/app/(auth)/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/validated-action'

export function SignUpForm({ next, email }: { next?: string | undefined; email?: string | undefined }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signUp, {})
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage error={state.error} />
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
        minLength={10}
        hint="At least 10 characters."
        errors={state.fieldErrors?.password}
      />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Button disabled={pending}>{pending ? 'Creating account…' : 'Create account'}</Button>
    </form>
  )
}
