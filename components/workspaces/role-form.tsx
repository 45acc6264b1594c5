'use client'

import { changeRole } from '@/app/(app)/w/[slug]/members/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { WORKSPACE_ROLES } from '@/lib/auth/permissions'

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
  return (
    <ActionForm action={changeRole} hidden={{ slug, memberId }} className="inline-flex items-center gap-2">
      {(_state, pending) => (
        <>
          <select
            name="role"
            defaultValue={role}
            aria-label={`Role of ${label}`}
            className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-xs dark:border-zinc-700"
          >
            {WORKSPACE_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <Button variant="secondary" disabled={pending} className="px-2 py-1 text-xs">
            Save role
          </Button>
        </>
      )}
    </ActionForm>
  )
}
