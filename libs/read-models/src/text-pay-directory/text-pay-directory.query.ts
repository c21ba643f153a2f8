import { collectionName } from '../projection';
import { ReadStore } from '../stores/read-store.port';
import { TEXT_PAY_MOBILES, TextPayMobileDocument, textPayDirectoryProjection } from './text-pay-directory.projection';

/** The loans enrolled in pay by text with this mobile number (E.164), none when unknown. */
export async function loansEnrolledForTextPay(store: ReadStore, mobileNumber: string): Promise<string[]> {
  const collection = collectionName(textPayDirectoryProjection.name, textPayDirectoryProjection.version, TEXT_PAY_MOBILES);
  const stored = await store.get<TextPayMobileDocument>(collection, mobileNumber);
  return stored?.document.accountNumbers ?? [];
}
