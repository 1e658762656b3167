import { Global, Module } from '@nestjs/common';
import { InvitationRateLimit } from './invitation-rate-limit';
import { RateLimiterStore } from './rate-limiter-store';
import { VirusScanner } from './virus-scanner';

/** Abuse limits and upload scanning, available to every feature module. */
@Global()
@Module({
  providers: [RateLimiterStore, VirusScanner, InvitationRateLimit],
  exports: [RateLimiterStore, VirusScanner, InvitationRateLimit],
})
export class SecurityModule {}
