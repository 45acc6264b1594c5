'use client'

import { invite } from '@/app/(app)/w/[slug]/members/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

export function InviteForm({ slug }: { slug: string }) {
  return (
    <ActionForm action={invite} hidden={{ slug }} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <Field label="Email to invite" name="email" type="email" required errors={state.fieldErrors?.email} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="invite-role" className="text-sm font-medium">
                Role
              </label>
              <select
                id="invite-role"
                name="role"
                defaultValue="member"
                className="rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700"
              >
                <option value="member">Member</option>
                <option value="admin">Admin</option>
              </select>
            </div>
            <Button disabled={pending}>{pending ? 'Sending…' : 'Send invitation'}</Button>
          </div>
          {state.fieldErrors?.role ? <p className="text-xs text-red-600">{state.fieldErrors.role.join(' ')}</p> : null}
        </>
      )}
    </ActionForm>
  )
}
