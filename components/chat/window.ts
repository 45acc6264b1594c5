/** Messages a channel shows at first, and adds with each "Show earlier messages" (the view and the preview). */
export const MESSAGE_WINDOW = 100
