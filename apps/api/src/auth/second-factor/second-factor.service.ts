import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SECOND_FACTOR_FIELD_MESSAGES,
  type RecoveryCodesResponse,
  type SecondFactorEnrolment,
  type SecondFactorStatus,
} from '@portal/contracts';
import { requiresSecondFactor } from '@portal/domain';
import { AppConfig, AppException, AuditRepository } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/request-context';
import { PasswordHasher } from '../../users/password-hasher';
import { UserRepository } from '../../users/user.repository';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import { SecondFactorRepository } from './second-factor.repository';
import { SecondFactorThrottle } from './second-factor-throttle';
import { TotpCodec } from './totp-codec';

/** Proof that it is the person: a current code from the app, or the password. */
export interface SecondFactorProof {
  code?: string;
  password?: string;
}

/**
 * Setting up, removing and renewing the recovery codes of one's own TOTP authenticator (ADR 0016). Every change is
 * audited in its transaction; wrong codes and passwords count towards the second-factor throttle.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly factors: SecondFactorRepository,
    private readonly codec: TotpCodec,
    private readonly throttle: SecondFactorThrottle,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async status(auth: AuthContext): Promise<SecondFactorStatus> {
    const factor = await this.factors.find(auth.user.id);
    const enabled = factor?.enabledAt != null;
    return {
      enabled,
      enabledAt: factor?.enabledAt?.toISOString() ?? null,
      required: this.required(auth),
      recoveryCodesLeft: enabled ? await this.factors.countUnusedRecoveryCodes(auth.user.id) : 0,
    };
  }

  /** A new secret to scan; replaces an unconfirmed one. Refused while a confirmed authenticator exists. */
  async startEnrolment(auth: AuthContext): Promise<SecondFactorEnrolment> {
    const secret = this.codec.newSecret();
    await this.dataSource.transaction(async (manager) => {
      const current = await this.factors.findForUpdate(auth.user.id, manager);
      if (current?.enabledAt) throw new AppException('SECOND_FACTOR_ALREADY_ENABLED');
      await this.factors.upsertPending(auth.user.id, this.codec.encrypt(secret), manager);
      await this.record(auth, 'auth.second_factor_enrolment_started', { enabled: false }, manager);
    });
    const otpauthUri = this.codec.otpauthUri(secret, auth.user.email);
    return { secret, otpauthUri, qrCode: await this.codec.qrCode(otpauthUri) };
  }

  /** Confirms the enrolment with a code from the app: enabled, ten recovery codes (shown once), enrolment limit lifted. */
  async confirmEnrolment(auth: AuthContext, code: string): Promise<RecoveryCodesResponse> {
    await this.throttle.assertAllowed(auth.user.id);
    const recoveryCodes = newRecoveryCodes();
    const confirmed = await this.dataSource.transaction(async (manager) => {
      const factor = await this.factors.findForUpdate(auth.user.id, manager);
      if (!factor) throw new AppException('SECOND_FACTOR_NOT_ENABLED');
      if (factor.enabledAt) throw new AppException('SECOND_FACTOR_ALREADY_ENABLED');
      const step = this.codec.matchStep(this.codec.decrypt(factor.secretEncrypted), code.replace(/\s/g, ''));
      if (step === null) return false;
      await this.factors.enable(auth.user.id, step, manager);
      await this.saveRecoveryCodes(auth.user.id, recoveryCodes, manager);
      const sessionsReleased = await this.factors.releaseEnrolmentSessions(auth.user.id, manager);
      await this.record(
        auth,
        'auth.second_factor_enabled',
        { enabled: true, recoveryCodes: recoveryCodes.length, sessionsReleased },
        manager,
      );
      return true;
    });
    if (!confirmed) await this.refuse(auth, 'code');
    await this.throttle.recordSuccess(auth.user.id);
    return { recoveryCodes };
  }

  /** Removes the authenticator and its recovery codes; not for a role that requires one. */
  async disable(auth: AuthContext, proof: SecondFactorProof): Promise<void> {
    if (this.required(auth)) throw new AppException('SECOND_FACTOR_REQUIRED_FOR_ROLE');
    await this.withProof(auth, proof, async (manager, how) => {
      await this.factors.remove(auth.user.id, manager);
      await this.record(auth, 'auth.second_factor_disabled', { enabled: false, proof: how }, manager);
    });
  }

  /** Ten new recovery codes (shown once); the old ones stop working. */
  async regenerateRecoveryCodes(auth: AuthContext, proof: SecondFactorProof): Promise<RecoveryCodesResponse> {
    const recoveryCodes = newRecoveryCodes();
    await this.withProof(auth, proof, async (manager, how) => {
      await this.saveRecoveryCodes(auth.user.id, recoveryCodes, manager);
      await this.record(
        auth,
        'auth.recovery_codes_regenerated',
        { recoveryCodes: recoveryCodes.length, proof: how },
        manager,
      );
    });
    return { recoveryCodes };
  }

  private required(auth: AuthContext): boolean {
    return requiresSecondFactor(auth.user.roles, this.config.totpRequiredRoles);
  }

  /**
   * Runs `change` in a transaction holding the authenticator's lock, once the proof holds: a current code (claimed,
   * so it cannot serve again at login) or the password. A wrong proof is counted and refused with nothing changed.
   */
  private async withProof(
    auth: AuthContext,
    proof: SecondFactorProof,
    change: (manager: EntityManager, how: 'code' | 'password') => Promise<void>,
  ): Promise<void> {
    await this.throttle.assertAllowed(auth.user.id);
    const how = proof.code ? 'code' : 'password';
    const user = how === 'password' ? await this.users.findById(auth.user.id) : null;
    const passwordOk =
      how === 'password' && (await this.hasher.verify(user?.passwordHash ?? null, proof.password ?? ''));
    const done = await this.dataSource.transaction(async (manager) => {
      const factor = await this.factors.findForUpdate(auth.user.id, manager);
      if (!factor?.enabledAt) throw new AppException('SECOND_FACTOR_NOT_ENABLED');
      if (how === 'code') {
        const step = this.codec.matchStep(
          this.codec.decrypt(factor.secretEncrypted),
          (proof.code ?? '').replace(/\s/g, ''),
        );
        if (step === null || !(await this.factors.claimStep(auth.user.id, step, manager))) return false;
      } else if (!passwordOk) {
        return false;
      }
      await change(manager, how);
      return true;
    });
    if (!done) await this.refuse(auth, how);
    await this.throttle.recordSuccess(auth.user.id);
  }

  private async saveRecoveryCodes(userId: string, codes: string[], manager: EntityManager): Promise<void> {
    await this.factors.replaceRecoveryCodes(
      userId,
      codes.map((code) => recoveryCodeHash(userId, code)),
      manager,
    );
  }

  private async refuse(auth: AuthContext, field: 'code' | 'password'): Promise<never> {
    await this.audit.record({
      actorUserId: auth.user.id,
      action: 'auth.second_factor_failed',
      entityType: 'user',
      entityId: auth.user.id,
      after: { reason: field === 'code' ? 'wrong_code' : 'wrong_password', where: 'profile' },
      requestId: auth.requestId,
    });
    if (await this.throttle.recordFailure(auth.user.id)) throw this.throttle.blockedError();
    throw new AppException('SECOND_FACTOR_PROOF_INVALID', {
      errors: [
        {
          field,
          code: 'incorrect',
          message:
            field === 'code'
              ? SECOND_FACTOR_FIELD_MESSAGES.codeIncorrect()
              : SECOND_FACTOR_FIELD_MESSAGES.passwordIncorrect(),
        },
      ],
    });
  }

  private async record(
    auth: AuthContext,
    action: string,
    after: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      {
        actorUserId: auth.user.id,
        action,
        entityType: 'user',
        entityId: auth.user.id,
        after,
        requestId: auth.requestId,
      },
      manager,
    );
  }
}
