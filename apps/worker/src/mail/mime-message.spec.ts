import { simpleParser } from 'mailparser';
import { composeMime } from './mime-message';

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

  it('leaves an internationalised address to nodemailer', () => {
    expect(composeMime({ ...mail, to: 'jürgen@bücher.example' })).toBeNull();
  });
});
