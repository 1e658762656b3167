import type { ValueTransformer } from 'typeorm';

/** bigint columns hold euro cents; pg returns them as strings. Cents stay far below 2^53, so a number is exact. */
export const bigintCents: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
