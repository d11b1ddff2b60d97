import { customType } from "drizzle-orm/pg-core";

/*
 * Column types that store values the way the SQLite schema does, so the SQLite column objects' codecs
 * (which the shared queries use on both engines) read and write them unchanged, and raw SQL does the same
 * arithmetic on both engines.
 */

/**
 * A moment as epoch milliseconds in a bigint, not a timestamptz: the rules' SQL works on the milliseconds
 * (the UTC day is floor(ms / 86,400,000)) and must give the same digits as SQLite's integer column.
 */
export const timestampMs = customType<{ data: Date; driverData: number | string }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  // int8 arrives as a string unless the pool's type parser turns it into a number.
  fromDriver: (value) => new Date(Number(value)),
});

/**
 * JSON kept as text, not jsonb: the SQLite codec stringifies and parses it, and jsonb would give back the
 * keys reordered and whitespace dropped, so the same row would read differently on the two engines.
 */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});

/** Bytes (lead_days' 8-byte big-endian values), as SQLite's blob in buffer mode. */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
