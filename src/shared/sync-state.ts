/**
 * The Synchronization Status column holds the last sync status message id (spec §9.1); the
 * console and the CLI render it in words.
 */
export function syncStateName(messageId: number): string {
  switch (messageId) {
    case 6701:
      return 'Synchronization started';
    case 6704:
      return 'In progress: synchronizing the source';
    case 6705:
      return 'In progress: synchronizing site database';
    case 6706:
      return 'In progress: synchronizing replica';
    case 6702:
      return 'Completed';
    case 6703:
      return 'Failed';
    default:
      return String(messageId);
  }
}
