'use client'

import { useActionState } from 'react'

import { changeSlug, deleteWorkspace, renameWorkspace } from '@/app/(app)/w/[slug]/settings/actions'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/validated-action'

export function RenameWorkspaceForm({ slug, name }: { slug: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(renameWorkspace, {})
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage error={state.error} success={state.success} />
      <input type="hidden" name="slug" value={slug} />
      <Field
        label="Workspace name"
        name="name"
        defaultValue={state.values?.name ?? name}
        errors={state.fieldErrors?.name}
      />
      <Button disabled={pending} className="self-start">
        Rename
      </Button>
    </form>
  )
}

export function ChangeSlugForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeSlug, {})
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage error={state.error} />
      <input type="hidden" name="slug" value={slug} />
      <Field
        label="Workspace address"
        name="newSlug"
        defaultValue={state.values?.newSlug ?? slug}
        hint="Changing it breaks links to the old address."
        errors={state.fieldErrors?.newSlug}
      />
      <Button disabled={pending} className="self-start">
        Change address
      </Button>
    </form>
  )
}

export function DeleteWorkspaceForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteWorkspace, {})
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage error={state.error} />
      <input type="hidden" name="slug" value={slug} />
      <Field
        label={`Type “${slug}” to confirm`}
        name="confirmation"
        autoComplete="off"
        defaultValue={state.values?.confirmation}
        errors={state.fieldErrors?.confirmation}
      />
      <Button variant="danger" disabled={pending} className="self-start">
        Delete workspace
      </Button>
    </form>
  )
}
