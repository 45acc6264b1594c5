import Link from 'next/link'

import { ResetPasswordForm } from '@/components/auth/password-reset-forms'
import { Card } from '@/components/ui/card'
import { FormMessage } from '@/components/ui/form-message'

export const metadata = { title: 'Choose a new password' }

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>
}) {
  const { token, error } = await searchParams
  if (error || !token)
    return (
      <Card
        title="This link no longer works"
        footer={
          <Link className="underline" href="/forgot-password">
            Ask for a new link
          </Link>
        }
      >
        <FormMessage error="The reset link is invalid or has expired." />
      </Card>
    )
  return (
    <Card title="Choose a new password">
      <ResetPasswordForm token={token} />
    </Card>
  )
}
