/** Notifications derived from a workspace's documents (docs/operations.md, NTF1–NTF6). */
export * from './notification.ts';
export { notificationId, recipientsOf } from './ids.ts';
export { readWorkspaceFacts, type NotificationSources, type WorkspaceFacts } from './facts.ts';
export {
  notificationsFor,
  notificationsOf,
  workspaceNotifications,
} from './workspace-notifications.ts';
