import { checkEnterpriseNumber } from './kbo';

describe('checkEnterpriseNumber (KBO, mod 97)', () => {
  it('accepts a valid number in any usual notation and formats it', () => {
    // 0203.201.340: 97 - (02032013 mod 97) = 40
    for (const input of ['0203.201.340', '0203201340', 'BE 0203 201 340', '203.201.340']) {
      expect(checkEnterpriseNumber(input)).toEqual({
        valid: true,
        normalized: '0203201340',
        formatted: '0203.201.340',
      });
    }
  });

  it('refuses a wrong check digit', () => {
    expect(checkEnterpriseNumber('0203.201.341')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('refuses a wrong format', () => {
    for (const input of ['2203.201.340', '0203.201.3', '02032013401', 'abcdefghij', '']) {
      expect(checkEnterpriseNumber(input)).toEqual({ valid: false, reason: 'format' });
    }
  });
});
