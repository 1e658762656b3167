import { Global, Module } from '@nestjs/common';
import { RateLimiterStore } from './rate-limiter-store';
import { VirusScanner } from './virus-scanner';

/** Abuse limits and upload scanning, available to every feature module. */
@Global()
@Module({
  providers: [RateLimiterStore, VirusScanner],
  exports: [RateLimiterStore, VirusScanner],
})
export class SecurityModule {}
