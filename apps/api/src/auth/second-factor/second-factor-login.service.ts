import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SecondFactorChallengeResponse, UserView } from '@portal/contracts';
import { classifySecondFactorInput, requiresSecondFactor } from '@portal/domain';
import { AppConfig, AppException, AuditRepository, hashToken, type UserEntity } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserRepository } from '../../users/user.repository';
import { toUserView } from '../../users/user-view';
import type { ClientInfo } from '../auth.service';
import { SessionService } from '../session.service';
import { recoveryCodeHash } from './recovery-codes';
import { SecondFactorRepository } from './second-factor.repository';
import { SecondFactorThrottle } from './second-factor-throttle';
import { TotpCodec } from './totp-codec';

/** How long the step between password and code may take. */
const CHALLENGE_SECONDS = 5 * 60;

/** What a correct password leads to: a challenge, or a session (limited to enrolment when one is required). */
export type AfterPassword = SecondFactorChallengeResponse | { secondFactorEnrolmentRequired?: true };

type Verdict =
  | { ok: true; session: { token: string; expiresAt: Date }; user: UserEntity; method: 'totp' | 'recovery_code' }
  | { ok: false; reason: 'challenge' | 'wrong' | 'reused' | 'deactivated'; userId: string | null };

/**
 * The second factor at login (ADR 0016). Only password logins pass here: sessions opened by the identity service
 * never ask for a code (the identity service did its own strong authentication).
 */
@Injectable()
export class SecondFactorLoginService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly factors: SecondFactorRepository,
    private readonly codec: TotpCodec,
    private readonly throttle: SecondFactorThrottle,
    private readonly sessions: SessionService,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  /** Called by AuthService.login once the password is right and the account active. */
  async afterPassword(user: UserEntity, client: ClientInfo): Promise<AfterPassword> {
    if (await this.factors.isEnabled(user.id)) {
      const challenge = randomBytes(32).toString('base64url');
      const created = await this.dataSource.transaction(async (manager) => {
        const row = await this.factors.createChallenge(
          { tokenHash: hashToken(challenge), userId: user.id, validSeconds: CHALLENGE_SECONDS },
          manager,
        );
        await this.audit.record(
          {
            actorUserId: null,
            action: 'auth.second_factor_challenged',
            entityType: 'user',
            entityId: user.id,
            after: { ip: client.ip, challengeId: row.id },
            requestId: client.requestId,
          },
          manager,
        );
        return row;
      });
      return { secondFactorRequired: true, challenge, expiresAt: created.expiresAt.toISOString() };
    }
    return requiresSecondFactor(user.roles, this.config.totpRequiredRoles)
      ? { secondFactorEnrolmentRequired: true }
      : {};
  }

  /** Completes a challenged login with a TOTP code or a recovery code; opens the session. */
  async complete(
    challenge: string,
    input: string,
    client: ClientInfo,
  ): Promise<{ user: UserView; token: string; expiresAt: Date }> {
    const tokenHash = hashToken(challenge);
    const pending = await this.factors.findLiveChallenge(tokenHash);
    if (!pending) throw new AppException('SECOND_FACTOR_CHALLENGE_INVALID');
    await this.throttle.assertAllowed(pending.userId);
    const code = classifySecondFactorInput(input);
    const verdict: Verdict = code
      ? await this.dataSource.transaction(async (manager): Promise<Verdict> => {
          const live = await this.factors.findLiveChallengeForUpdate(tokenHash, manager);
          if (!live) return { ok: false, reason: 'challenge', userId: null };
          const factor = await this.factors.findForUpdate(live.userId, manager);
          const user = await this.users.findById(live.userId, manager);
          if (!factor?.enabledAt || !user) return { ok: false, reason: 'challenge', userId: live.userId };
          if (user.deactivatedAt) return { ok: false, reason: 'deactivated', userId: user.id };
          if (code.kind === 'totp') {
            const step = this.codec.matchStep(this.codec.decrypt(factor.secretEncrypted), code.code);
            if (step === null) return { ok: false, reason: 'wrong', userId: user.id };
            if (!(await this.factors.claimStep(user.id, step, manager))) {
              return { ok: false, reason: 'reused', userId: user.id };
            }
          } else if (!(await this.factors.useRecoveryCode(user.id, recoveryCodeHash(user.id, code.code), manager))) {
            return { ok: false, reason: 'wrong', userId: user.id };
          }
          await this.factors.useChallenge(live.id, manager);
          const session = await this.sessions.open(user.id, client, manager);
          const method = code.kind === 'totp' ? 'totp' : 'recovery_code';
          const recoveryCodesLeft = await this.factors.countUnusedRecoveryCodes(user.id, manager);
          await this.audit.record(
            {
              actorUserId: user.id,
              action: 'auth.login',
              entityType: 'session',
              entityId: session.sessionId,
              after: { ip: client.ip, userAgent: client.userAgent, secondFactor: method, recoveryCodesLeft },
              requestId: client.requestId,
            },
            manager,
          );
          return { ok: true, session, user, method };
        })
      : { ok: false, reason: 'wrong', userId: pending.userId };

    if (verdict.ok) {
      await this.throttle.recordSuccess(verdict.user.id);
      return { user: toUserView(verdict.user), token: verdict.session.token, expiresAt: verdict.session.expiresAt };
    }
    if (verdict.reason === 'challenge') throw new AppException('SECOND_FACTOR_CHALLENGE_INVALID');
    if (verdict.reason === 'deactivated') throw new AppException('ACCOUNT_DEACTIVATED');
    return this.refuse(verdict.userId ?? pending.userId, verdict.reason, client);
  }

  /** Audits a wrong or replayed code and counts it; throws 429 when this one starts a block, else 401. */
  private async refuse(userId: string, reason: 'wrong' | 'reused', client: ClientInfo): Promise<never> {
    await this.audit.record({
      actorUserId: null,
      action: 'auth.second_factor_failed',
      entityType: 'user',
      entityId: userId,
      after: { ip: client.ip, reason },
      requestId: client.requestId,
    });
    if (await this.throttle.recordFailure(userId)) {
      await this.audit.record({
        actorUserId: null,
        action: 'auth.second_factor_blocked',
        entityType: 'user',
        entityId: userId,
        after: { ip: client.ip, seconds: this.config.LOGIN_BLOCK_SECONDS },
        requestId: client.requestId,
      });
      throw this.throttle.blockedError();
    }
    throw new AppException(reason === 'reused' ? 'SECOND_FACTOR_CODE_REUSED' : 'SECOND_FACTOR_CODE_INVALID');
  }
}
