// A refusal from better-auth (wrong password, not a member, slug taken, …): an APIError with a 4xx status.
// Only these may become form errors or 404s; any other error is a fault and must propagate.
import { APIError } from 'better-auth/api'

export const isRefusal = (error: unknown): error is APIError =>
  error instanceof APIError && error.statusCode >= 400 && error.statusCode < 500
