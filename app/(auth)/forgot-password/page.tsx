import Link from 'next/link'

import { ForgotPasswordForm } from '@/components/auth/password-reset-forms'
import { Card } from '@/components/ui/card'

export const metadata = { title: 'Reset your password' }

export default function ForgotPasswordPage() {
  return (
    <Card
      title="Reset your password"
      footer={
        <Link className="underline" href="/sign-in">
          Back to sign in
        </Link>
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">We will email you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </Card>
  )
}
