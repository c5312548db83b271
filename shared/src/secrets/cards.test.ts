import { describe, expect, it } from 'vitest';
import { cardBrand, isPaymentCardNumber, luhnValid } from './cards.js';
import { detectSecrets, maskSecrets } from './detect.js';

describe('payment cards', () => {
  it.each([
    ['4242 4242 4242 4242', '•••• •••• •••• 4242'],
    ['4111111111111111', '••••••••••••1111'],
    ['4222222222222', '•••••••••2222'],
    ['5555-5555-5555-4444', '••••-••••-••••-4444'],
    ['2223 0031 2200 3222', '•••• •••• •••• 3222'],
    ['3782 822463 10005', '•••• •••••• •0005'],
    ['378734493671000', '•••••••••••1000'],
    ['6011 0009 9013 9424', '•••• •••• •••• 9424'],
    ['3566 0020 2036 0505', '•••• •••• •••• 0505'],
    ['6200 0000 0000 0005', '•••• •••• •••• 0005'],
    ['3622 720627 1667', '•••• •••••• 1667'],
    ['2200 0000 0000 0004', '•••• •••• •••• 0004'],
    ['6759 6498 2643 8453', '•••• •••• •••• 8453'],
    ['4242\u00a04242\u00a04242\u00a04242', '••••\u00a0••••\u00a0••••\u00a04242'],
  ])('masks %s keeping the last four digits', (card, masked) => {
    expect(maskSecrets(card)).toBe(masked);
  });

  it.each([
    ['My card is 4242 4242 4242 4242, exp 12/27', 'My card is •••• •••• •••• 4242, exp 12/27'],
    ['4242 4242 4242 4242 12/27', '•••• •••• •••• 4242 12/27'],
    ['Order failed, card 4000056655665556 was declined', 'Order failed, card ••••••••••••5556 was declined'],
    ['我的卡号是4242424242424242，谢谢', '我的卡号是••••••••••••4242，谢谢'],
    ['我的卡號：4242 4242 4242 4242', '我的卡號：•••• •••• •••• 4242'],
    ['Номер карты 2200 0000 0000 0004.', 'Номер карты •••• •••• •••• 0004.'],
    ['Ma carte : 5200 8282 8282 8210', 'Ma carte : •••• •••• •••• 8210'],
    ['cards 4242424242424242 and 5555555555554444', 'cards ••••••••••••4242 and ••••••••••••4444'],
  ])('finds cards inside sentences: %s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  // The support desk sees these every day; none of them may be masked.
  it.each([
    ['IMEI (Luhn-valid, 15 digits)', 'My IMEI is 490154203237518'],
    ['IMEI with separators', 'IMEI: 35-209900-176148-1'],
    ['IMEI after the number', '352099001761481 is the IMEI on the box'],
    ['IMEISV shaped like a JCB card', 'IMEI 3566 0020 2036 0505'],
    ['serial number', 'Serial: C02XL0GTJGH5'],
    ['serial glued to digits', 'SN4242424242424242'],
    ['serial number in Chinese', '序列号 4242424242424242'],
    ['order number', 'Order W1234567890'],
    ['order number, all digits', 'order 4242 4242 4242 4242 never arrived'],
    ['Amazon-style order', '112-1234567-1234567'],
    ['commande', 'Ma commande 4000056655665556 est en retard'],
    ['заказ', 'Заказ № 4000056655665556 не пришёл'],
    ['订单', '订单号：4000056655665556'],
    ['US phone', 'Call me on +1 (415) 555-2671'],
    ['Chinese phone', '+86 138 0013 8000'],
    ['Chinese mobile, 11 digits', '13800138000'],
    ['Russian phone', '+7 912 345-67-89'],
    ['international phone that passes Luhn', '+4242424242424242'],
    ['UPS tracking', '1Z999AA10123456784'],
    ['USPS tracking', '9400 1000 0000 0000 0000 02'],
    ['FedEx tracking', '7489 1234 5678'],
    ['EAN-13 barcode that passes Luhn', 'barcode 4000000000006'],
    ['date', 'bought on 2024-05-12'],
    ['date and time', '12/05/2024 14:30'],
    ['price', 'It cost $1,299.00'],
    ['price in euros', '1 299,00 €'],
    ['price in yuan', '¥8,999'],
    ['Luhn-invalid Visa', '4242 4242 4242 4241'],
    ['Luhn-valid without an issuer', '1234 5678 1234 5670'],
    ['too long to be a card', '42424242424242424242'],
    ['decimal', '0.4242424242424242'],
    ['model number', 'iPhone 15 Pro Max A2849'],
  ])('leaves a %s alone', (_label, text) => {
    expect(detectSecrets(text)).toEqual({ masked: text, findings: [] });
  });

  // Split by characters that show nothing, or typed on a CJK keyboard: a reader still sees the card.
  it.each([
    ['zero-width spaces between every digit', '4242424242424242'.split('').join('\u200b')],
    ['zero-width joiners inside groups', '4242\u200d4242 4242\u200c4242'],
    ['a word joiner and a soft hyphen', '4242\u20604242\u00ad4242 4242'],
    ['an invisible character before a space', '4242\u200b 4242 4242 4242'],
    ['full-width digits', '４２４２４２４２４２４２４２４２'],
    ['full-width digits in ideographic-space groups', '卡号 ４２４２\u3000４２４２\u3000４２４２\u3000４２４２'],
    ['full-width and ASCII mixed', '4242 ４２４２ 4242 ４２４２'],
  ])('masks a card number hidden by %s', (_label, text) => {
    const masked = maskSecrets(text);
    expect(masked).not.toBe(text);
    // Only the last four digits are left, whatever their width.
    expect(masked.replace(/[^0-9０-９]/g, '')).toMatch(/^(4242|４２４２)$/);
  });

  it('leaves full-width numbers that are not cards alone', () => {
    expect(detectSecrets('订单号：４０００２０００３０００４０００').findings).toEqual([]);
    expect(detectSecrets('电话 １３８００１３８０００').findings).toEqual([]);
  });

  it('reports the card span in the original text', () => {
    const text = 'card: 4242 4242 4242 4242!';
    expect(detectSecrets(text).findings).toEqual([{ kind: 'card', start: 6, end: 25 }]);
  });

  it('checks Luhn, issuer prefix and length together', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('3782822463100050')).toBeUndefined();
    expect(cardBrand('2720990000000007')).toBe('mastercard');
    expect(cardBrand('2721000000000000')).toBeUndefined();
    expect(isPaymentCardNumber('490154203237518')).toBe(false);
    expect(isPaymentCardNumber('4242424242424242')).toBe(true);
  });
});
