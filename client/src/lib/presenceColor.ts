/** A stable colour per user (caret, avatar, their changes): one palette, shared with the server's exports. */
export { colorForUser } from '@shared/domain/userColor';
