import { OutboundNotification } from './notification';

/**
 * Delivers one message (email or text provider). At least once: after a crash between sending
 * and marking sent, the same message is sent again with the same `notificationId`, which a
 * provider uses as its idempotency key to drop the repeat.
 */
export interface NotificationSender {
  send(notification: OutboundNotification): Promise<void>;
}

/** Nest token of the NotificationSender port. */
export const NOTIFICATION_SENDER = Symbol('NotificationSender');
