import { memberOfApplicant } from './fragments';

describe('memberOfApplicant', () => {
  it('asks applicant_members by the given column and user parameter', () => {
    expect(memberOfApplicant('dossier.applicant_id')).toBe(
      'EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = dossier.applicant_id AND m.user_id = :userId)',
    );
    expect(memberOfApplicant('d.applicant_id', '$4')).toContain('m.user_id = $4)');
  });

  it('refuses anything but alias.column and a bound parameter (never text that could carry SQL)', () => {
    expect(() => memberOfApplicant('applicant_id')).toThrow('alias.column');
    expect(() => memberOfApplicant('d.applicant_id OR true')).toThrow('alias.column');
    expect(() => memberOfApplicant('d.applicant_id', "'x'")).toThrow(':name or $n');
  });
});
