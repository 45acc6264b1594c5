// The workspace app the template's tests drive: the chat demo. A fork points this line at its own
// folder's testing.ts, beside components/workspace-app.ts (README, "Replacing the demo").
export { driver, fixtures } from '../components/chat/testing.ts'
