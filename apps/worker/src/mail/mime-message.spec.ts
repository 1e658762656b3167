import { simpleParser } from 'mailparser';
import { composeMime, headerText } from './mime-message';

const mail = {
  from: 'Subsidieportaal <no-reply@subsidieportaal.localhost>',
  to: 'aanvrager@example.org',
  subject: 'Ontvangstbevestiging dossier GV-CONNECT-2026-0001',
  text: 'Beste Aanvrager,\n\nUw dossier "Zomer in de buurt" is ingediend op 22/05/2026 23:59:59 (Brusselse tijd).\n',
  html: '<!doctype html><html lang="nl"><body><p>Beste Aanvrager,</p><p>Uw dossier &quot;Zomer&quot;</p></body></html>',
  messageId: '<4b0c8a4e-9f9e-4d7e-9a55-1f1f3c7a2c10.0@subsidieportaal>',
  date: new Date('2026-05-22T21:59:59.000Z'),
};

describe('composeMime', () => {
  it('builds a message a mail client reads back field for field', async () => {
    const composed = composeMime(mail)!;
    expect(composed.envelope).toEqual({ from: 'no-reply@subsidieportaal.localhost', to: ['aanvrager@example.org'] });
    const parsed = await simpleParser(composed.raw);
    expect(parsed.from?.value).toEqual([{ name: 'Subsidieportaal', address: 'no-reply@subsidieportaal.localhost' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].address : null).toBe('aanvrager@example.org');
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.date?.toISOString()).toBe('2026-05-22T21:59:59.000Z');
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
  });

  it('keeps accents, quotes and long subjects intact, in lines of at most 78 characters', async () => {
    const subject = `Herinnering: uw dossier « Één café voor élk kind » sluit morgen – ${'lange titel '.repeat(8)}`;
    const text = `Crème brûlée, Ærøskøbing en “aanhalingstekens”.\n${'x'.repeat(300)}\n`;
    const composed = composeMime({
      ...mail,
      from: 'Dienst Welzijn – Vlaanderen <no-reply@subsidieportaal.localhost>',
      subject,
      text,
    })!;
    expect(composed.raw.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(composed.raw)).toBe(true);
    const parsed = await simpleParser(composed.raw);
    expect(parsed.subject).toBe(subject.trim());
    expect(parsed.text).toBe(text);
    expect(parsed.from?.value[0].name).toBe('Dienst Welzijn – Vlaanderen');
  });

  it('quotes a sender name with punctuation', async () => {
    const composed = composeMime({
      ...mail,
      from: '"Vlaamse overheid, Dep. WVG" <no-reply@subsidieportaal.localhost>',
    })!;
    const parsed = await simpleParser(composed.raw);
    expect(parsed.from?.value).toEqual([
      { name: 'Vlaamse overheid, Dep. WVG', address: 'no-reply@subsidieportaal.localhost' },
    ]);
  });

  describe('hostile header values', () => {
    const HOSTILE = [
      'vzw Test\r\nReply-To: evil@x.example\r\n\r\nFake text before the body',
      'vzw Test\nBcc: evil@x.example',
      'vzw Test\rX-Injected: 1',
      'vzw\u0000Test\u0085X-Next-Line: 1\u2028X-Line-Separator: 1',
      'Zoë\r\nReply-To: =?utf-8?Q?evil?= <evil@x.example>',
      '=?utf-8?Q?a=0D=0AReply-To:_evil@x.example?=',
      `${'lange naam '.repeat(20)}\r\n Reply-To: evil@x.example`,
    ];

    async function headersOf(raw: string) {
      const parsed = await simpleParser(raw);
      return { parsed, names: [...parsed.headers.keys()].sort() };
    }

    const PORTAL_HEADERS = ['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to'];

    it.each(HOSTILE)('keeps a hostile subject on its own header line: %j', async (value) => {
      const composed = composeMime({ ...mail, subject: `Uitnodiging om mee te werken voor ${value}` })!;
      const head = composed.raw.split('\r\n\r\n')[0];
      expect(head.split('\r\n').every((line) => /^([A-Za-z-]+: | )/.test(line))).toBe(true);
      const { parsed, names } = await headersOf(composed.raw);
      expect(names).toEqual(PORTAL_HEADERS);
      expect(parsed.replyTo).toBeUndefined();
      expect(parsed.text).toBe(mail.text);
      expect(parsed.subject).toBe(`Uitnodiging om mee te werken voor ${headerText(value)}`);
    });

    it.each(HOSTILE)('keeps a hostile display name in From and To: %j', async (value) => {
      const composed = composeMime({
        ...mail,
        from: `"${value.replace(/"/g, '')}" <no-reply@subsidieportaal.localhost>`,
        to: `${value.replace(/[<>"@]/g, '')} <aanvrager@example.org>`,
      });
      // Either refused to nodemailer (null) or composed with exactly the portal's headers and the right envelope.
      if (composed === null) return;
      const { parsed, names } = await headersOf(composed.raw);
      expect(names).toEqual(PORTAL_HEADERS);
      expect(composed.envelope).toEqual({ from: 'no-reply@subsidieportaal.localhost', to: ['aanvrager@example.org'] });
      expect(parsed.from?.value).toEqual([
        { name: headerText(value.replace(/"/g, '')), address: 'no-reply@subsidieportaal.localhost' },
      ]);
      expect(parsed.text).toBe(mail.text);
    });

    it('refuses a Message-ID that would carry a header of its own', () => {
      expect(() => composeMime({ ...mail, messageId: '<a@b>\r\nBcc: evil@x.example' })).toThrow(/Message-ID/);
    });

    it('turns every line break and control character into one space', () => {
      expect(headerText('a\r\n\tb\u0000c\u2028d\u0085e')).toBe('a b c d e');
    });
  });

  it('leaves an internationalised address to nodemailer', () => {
    expect(composeMime({ ...mail, to: 'jürgen@bücher.example' })).toBeNull();
  });
});
