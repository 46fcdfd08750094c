/**
 * Second-level public suffixes common on the sites Consentry serves. A compact rule instead of the
 * ~200 KB Public Suffix List: every parent domain with at least two labels is a candidate, except
 * these. Should a suffix be missing here, the browser itself refuses a cookie on a public suffix
 * (it ships the full list), so a deletion there is a harmless no-op.
 */
const SECOND_LEVEL_SUFFIXES = new Set(
  (
    'co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk com.au net.au org.au co.nz co.jp ne.jp or.jp co.kr ' +
    'com.br com.cn com.tr com.ua org.ua in.ua kiev.ua co.il co.in co.za com.mx com.ar com.pl com.es com.de ' +
    'com.ru net.ru org.ru pp.ru msk.ru spb.ru msk.su spb.su nov.ru nsk.ru ekb.ru kazan.ru samara.ru perm.ru ' +
    'com.kz org.kz com.by org.by co.am com.ge'
  ).split(' '),
);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Where a cookie for this host may have been set: the host itself and each parent domain down to,
 * not including, the public suffix (R2). `shop.example.spb.ru` → `shop.example.spb.ru`, `example.spb.ru`.
 * IP addresses and single-label hosts (`localhost`) have only themselves.
 */
export function domainLevels(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.') || IPV4.test(host) || host.includes(':')) return [host];
  const labels = host.split('.');
  const levels: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.');
    if (SECOND_LEVEL_SUFFIXES.has(candidate)) break;
    levels.push(candidate);
  }
  return levels;
}

/** `/a/b/c` → `['/', '/a', '/a/b', '/a/b/c']`: every path a cookie visible here may carry. */
export function pathLevels(pathname: string): string[] {
  const levels = ['/'];
  let current = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    current += `/${segment}`;
    levels.push(current);
  }
  return levels;
}
