import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PaymentSettings } from './payment-settings';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** How many processes one API instance runs (ADR 0026). A base class of AppConfig, validated with it at boot. */
export class ProcessSettings extends PaymentSettings {
  /**
   * API processes on this machine, sharing PORT (Node's cluster module): 1 (default) for a container per core behind
   * a load balancer; the number of cores for one machine that runs the API alone or with the database. A process that
   * dies is replaced; SIGTERM stops them all gracefully.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES = 1;
}
