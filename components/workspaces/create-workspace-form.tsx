'use client'

import { useState } from 'react'

import { createWorkspace } from '@/app/onboarding/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { slugify } from '@/lib/workspaces'

export function CreateWorkspaceForm() {
  const [name, setName] = useState('')
  // Follows the name until edited by hand.
  const [slug, setSlug] = useState<string>()
  return (
    <ActionForm action={createWorkspace}>
      {(state, pending) => (
        <>
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
        </>
      )}
    </ActionForm>
  )
}
