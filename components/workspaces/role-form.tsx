'use client'

import { useActionState } from 'react'

import { changeRole } from '@/app/(app)/w/[slug]/members/actions'
import { Button } from '@/components/ui/button'
import type { ActionState } from '@/lib/validated-action'

export function RoleForm({
  slug,
  memberId,
  role,
  label,
}: {
  slug: string
  memberId: string
  role: string
  label: string
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeRole, {})
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="memberId" value={memberId} />
      <select
        name="role"
        defaultValue={role}
        aria-label={`Role of ${label}`}
        className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-xs dark:border-zinc-700"
      >
        <option value="member">member</option>
        <option value="admin">admin</option>
        <option value="owner">owner</option>
      </select>
      <Button variant="secondary" disabled={pending} className="px-2 py-1 text-xs">
        Save role
      </Button>
      {state.error ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
    </form>
  )
}
