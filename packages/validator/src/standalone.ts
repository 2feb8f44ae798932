import type { ErrorObject } from 'ajv';

/** A function of the generated Ajv standalone module: true when `data` is valid, else `errors` holds why. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
