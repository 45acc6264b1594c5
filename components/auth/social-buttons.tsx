'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { authClient } from '@/lib/auth/client'

const LABELS = { github: 'Continue with GitHub', google: 'Continue with Google' } as const

/** Shown only for the providers whose credentials the server has (see enabledSocialProviders). */
export function SocialButtons({
  providers,
  next,
}: {
  providers: Array<keyof typeof LABELS>
  next?: string | undefined
}) {
  const [error, setError] = useState<string>()
  if (providers.length === 0) return null
  return (
    <div className="flex flex-col gap-2">
      {providers.map((provider) => (
        <Button
          key={provider}
          type="button"
          variant="secondary"
          onClick={async () => {
            const { error } = await authClient.signIn.social({ provider, callbackURL: next ?? '/app' })
            if (error) setError(error.message ?? 'Sign-in with this provider failed')
          }}
        >
          {LABELS[provider]}
        </Button>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  )
}
