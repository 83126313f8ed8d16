/** Comments on assessment sections, records and risks (docs/sync.md CMT1–CMT8). */
export * from './schema.ts';
export { readComments, threadsAbout, type CommentsRead } from './read.ts';
export {
  CommentRefused,
  editComment,
  recordAccepted,
  reopenThread,
  reply,
  resolveThread,
  startThread,
  withdrawComment,
  type NewReply,
  type NewThread,
} from './write.ts';
export { mentionNotifications, type DescribeSubject } from './mentions.ts';
export { mentionQuery, mentionsIn } from './mention-text.ts';
