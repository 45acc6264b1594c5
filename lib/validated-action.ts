// Every form's server action goes through here: the form data is parsed with a zod schema, and
// failures come back as field-level messages instead of exceptions.

import { isRefusal } from './refusal'
import { z } from './zod'

export type ActionState = {
  /** A message about the whole form. */
  error?: string
  /** Messages per field name. */
  fieldErrors?: Record<string, string[] | undefined>
  /** What was submitted (passwords excepted), to refill the form. */
  values?: Record<string, string>
  /** A message to show after success when the action does not redirect. */
  success?: string
}

/** Never sent back to the browser. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'confirm'])

const submittedValues = (formData: FormData): Record<string, string> =>
  Object.fromEntries(
    [...formData.entries()].filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !SECRET_FIELDS.has(entry[0]) && !entry[0].startsWith('$'),
    ),
  )

export const validatedAction =
  <S extends z.ZodType>(
    schema: S,
    action: (data: z.output<S>, formData: FormData) => Promise<ActionState | undefined>,
  ) =>
  async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = submittedValues(formData)
    const parsed = schema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values }
    try {
      return { values, ...(await action(parsed.data, formData)) }
    } catch (error) {
      // better-auth reports refusals (wrong password, taken slug, …) as APIError with a status and message.
      if (isRefusal(error)) return { error: error.message || 'The request was refused', values }
      throw error
    }
  }
