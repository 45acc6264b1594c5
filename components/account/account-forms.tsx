'use client'

import { changeName, changePassword, deleteAccount } from '@/app/account/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { PASSWORD_HINT } from '@/lib/auth/password'

export function ChangeNameForm({ name }: { name: string }) {
  return (
    <ActionForm action={changeName} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
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
        </>
      )}
    </ActionForm>
  )
}

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePassword} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
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
            hint={PASSWORD_HINT}
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
        </>
      )}
    </ActionForm>
  )
}

export function DeleteAccountForm() {
  return (
    <ActionForm action={deleteAccount} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
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
        </>
      )}
    </ActionForm>
  )
}
