// The app each workspace runs: the chat demo. A fork points this line at its own folder and replaces
// lib/livestore/schema.ts (README, "Replacing the demo"); the rest of the template reads the app from here.
export { chatApp as workspaceApp } from './chat'
