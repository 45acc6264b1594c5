// Reading Linux's /proc while the processes in it come and go: a file or folder that is gone reads as nothing.
import { readdirSync, readFileSync } from 'node:fs'

/** A /proc file's text, or null when its process or thread ended meanwhile. */
export const readProc = (path) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** A /proc folder's entries, or none when its process ended meanwhile. */
export const listProc = (path) => {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}
