'use client'

import { changeSlug, deleteWorkspace, renameWorkspace } from '@/app/(app)/w/[slug]/settings/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'

export function RenameWorkspaceForm({ slug, name }: { slug: string; name: string }) {
  return (
    <ActionForm action={renameWorkspace} hidden={{ slug }} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
          <Field
            label="Workspace name"
            name="name"
            defaultValue={state.values?.name ?? name}
            errors={state.fieldErrors?.name}
          />
          <Button disabled={pending} className="self-start">
            Rename
          </Button>
        </>
      )}
    </ActionForm>
  )
}

export function ChangeSlugForm({ slug }: { slug: string }) {
  return (
    <ActionForm action={changeSlug} hidden={{ slug }} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
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
        </>
      )}
    </ActionForm>
  )
}

export function DeleteWorkspaceForm({ slug }: { slug: string }) {
  return (
    <ActionForm action={deleteWorkspace} hidden={{ slug }} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
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
        </>
      )}
    </ActionForm>
  )
}
