import { validateSync } from 'class-validator';
import {
  IsAbaRoutingNumber,
  IsAccountNumber,
  IsBankAccountNumber,
  IsBusinessDateString,
  IsMoneyString,
  IsUsMobileE164,
  IsVin,
} from './ledger-validators';

class Sample {
  @IsMoneyString() amount?: unknown;
  @IsMoneyString({ positive: true }) payment?: unknown;
  @IsBusinessDateString() date?: unknown;
  @IsVin() vin?: unknown;
  @IsAbaRoutingNumber() routingNumber?: unknown;
  @IsBankAccountNumber() bankAccountNumber?: unknown;
  @IsUsMobileE164() mobile?: unknown;
  @IsAccountNumber() accountNumber?: unknown;
}

type Field = keyof Sample;
const isAccepted = (field: Field, value: unknown): boolean => {
  const sample = Object.assign(new Sample(), { [field]: value });
  return !validateSync(sample).some((error) => error.property === field);
};

//        field                 good values                                                        bad values
const table: [Field, unknown[], unknown[]][] = [
  ['amount',            ['0', '0.00', '1', '512.34', '512.3', '999999999.99'],                     ['', '-1.00', '+1', '1e3', '1.234', '01.00', '1,000.00', ' 1.00', '1000000000.00', 12.5, null]],
  ['payment',           ['0.01', '25', '999999999.99'],                                             ['0', '0.00', '0.0', '-0.01']],
  ['date',              ['2026-01-31', '2024-02-29', '2000-02-29'],                                 ['2026-02-30', '2025-02-29', '1900-02-29', '2026-1-5', '2026-13-01', '20260105', 20260105]],
  ['vin',               ['1M8GDM9AXKP042788', '11111111111111111', '1HGCM82633A004352', 'JH4KA7561PC008269'], ['1M8GDM9A1KP042788', '1M8GDM9AXKP04278', 'IM8GDM9AXKP042788', '1m8gdm9axkp042788', 17]],
  ['routingNumber',     ['021000021', '011000015', '122105155'],                                    ['021000022', '000000000', '02100002', '0210000211', 'abcdefghi', 21000021]],
  ['bankAccountNumber', ['1234', '00012345678901234'],                                              ['123', '123456789012345678', '1234-5678', 12345678]],
  ['mobile',            ['+12025550123', '+19175550100'],                                           ['2025550123', '+1 202 555 0123', '+11025550123', '+12021550123', '+442025550123']],
  ['accountNumber',     ['12345678', '12345678901234567'],                                          ['1234567', '123456789012345678', '1234567a', 12345678]],
];

describe.each(table)('%s', (field, good, bad) => {
  it.each(good)(`accepts %p`, (value) => expect(isAccepted(field, value)).toBe(true));
  it.each(bad)(`refuses %p`, (value) => expect(isAccepted(field, value)).toBe(false));
});
