'use client'

import { useActionState, useState } from 'react'

import { createWorkspace } from '@/app/onboarding/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/validated-action'
import { slugify } from '@/lib/workspaces'

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createWorkspace, {})
  const [name, setName] = useState(state.values?.name ?? '')
  const [slug, setSlug] = useState<string | undefined>(state.values?.slug || undefined)
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage error={state.error} />
      <Field
        label="Workspace name"
        name="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Address"
        name="slug"
        value={slug ?? slugify(name)}
        onChange={(e) => setSlug(e.target.value)}
        hint="Lowercase letters, digits and hyphens; it appears in the workspace's URL."
        errors={state.fieldErrors?.slug}
      />
      <Button disabled={pending}>{pending ? 'Creating…' : 'Create workspace'}</Button>
    </form>
  )
}
