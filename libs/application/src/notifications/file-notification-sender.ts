import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OutboundNotification } from './notification';
import { NotificationSender } from './notification-sender.port';

/**
 * The default sender: one JSON line per message in `${dataDir}/notifications.log`, so a person
 * can read exactly what a borrower would receive. A real email/SMS provider replaces it.
 */
export class FileNotificationSender implements NotificationSender {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'notifications.log');
  }

  async send(notification: OutboundNotification): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(notification)}\n`, { encoding: 'utf8', mode: 0o600 });
  }
}
