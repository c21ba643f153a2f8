import { Collection, Db } from 'mongodb';
import { SealedFundingSource, SealedFundingSourceRepository } from './funding-source-vault.port';

type SealedDocument = Omit<SealedFundingSource, 'fundingSourceId'> & { _id: string };

/** Sealed funding sources in MongoDB (production), one document per funding source. */
export class MongoDbSealedFundingSources implements SealedFundingSourceRepository {
  private readonly records: Collection<SealedDocument>;

  constructor(db: Db, collectionName = 'funding_sources') {
    this.records = db.collection<SealedDocument>(collectionName);
  }

  async insert(record: SealedFundingSource): Promise<void> {
    const { fundingSourceId, ...sealed } = record;
    await this.records.insertOne({ _id: fundingSourceId, ...sealed });
  }

  async find(fundingSourceId: string): Promise<SealedFundingSource | undefined> {
    const document = await this.records.findOne({ _id: fundingSourceId });
    if (document === null) return undefined;
    const { _id, ...sealed } = document;
    return { fundingSourceId: _id, ...sealed };
  }
}
