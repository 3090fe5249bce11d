// Resolving issuer names to canonical bodies, their regions and parents (pure).
import crypto from 'node:crypto';
import { canonicalIssuer, levelOf, ZONE } from '../extract/metadata.ts';

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}

export interface Body {
  bodyId: string;
  name: string;
  level: string;
  regionCode: string | null;
  parentName: string | null;
}

export const bodyIdOf = (name: string) => crypto.createHash('sha256').update(name).digest('hex').slice(0, 12);

const GOV_SUFFIX = /(?:人民政府|管理委员会|管委会)$/u;

export class RegionIndex {
  private readonly byName = new Map<string, Region[]>();
  private readonly byCode = new Map<string, Region>();
  private readonly maxLen: number;

  constructor(regions: Region[], aliases: { alias: string; code: string }[]) {
    for (const r of regions) {
      this.byCode.set(r.code, r);
      if (r.name === '市辖区' || r.name === '县' || r.name.length < 2) continue;
      this.add(r.name, r);
    }
    for (const a of aliases) {
      const r = this.byCode.get(a.code);
      if (r) this.add(a.alias, r);
    }
    this.maxLen = Math.max(...[...this.byName.keys()].map((k) => k.length));
  }

  private add(name: string, r: Region) {
    const list = this.byName.get(name) ?? [];
    list.push(r);
    this.byName.set(name, list);
  }

  private ancestors(r: Region): Set<string> {
    const out = new Set<string>();
    for (let p = r.parent_code; p; p = this.byCode.get(p)?.parent_code ?? null) out.add(p);
    return out;
  }

  /** Region names found in `name`, as [start, end, candidates], longest first at each start. */
  private mentions(name: string): { start: number; end: number; regions: Region[] }[] {
    const out: { start: number; end: number; regions: Region[] }[] = [];
    for (let i = 0; i < name.length; i++) {
      for (let len = Math.min(this.maxLen, name.length - i); len >= 2; len--) {
        const hit = this.byName.get(name.slice(i, i + len));
        if (hit) {
          out.push({ start: i, end: i + len, regions: hit });
          i += len - 1;
          break;
        }
      }
    }
    return out;
  }

  /**
   * The most specific region a name speaks of, when it is unambiguous: 深圳市龙岗区人民政府 ->
   * 440307 (龙岗区 under 深圳市). A county name shared by several cities needs its city in the name.
   * Only names at the start of the body name count (平潭综合实验区公安局: not 公安).
   */
  resolve(name: string): { region: Region; end: number } | null {
    const ms = this.mentions(name);
    let chosen: Region | null = null;
    let end = 0;
    for (const m of ms) {
      if (m.start !== end) break; // the region prefix must be contiguous from the start
      const fits = m.regions.filter((r) => !chosen || this.ancestors(r).has(chosen.code));
      if (fits.length !== 1) {
        if (fits.length > 1) return chosen ? { region: chosen, end } : null;
        break;
      }
      chosen = fits[0]!;
      end = m.end;
    }
    return chosen ? { region: chosen, end } : null;
  }
}

/**
 * A government under the name it has in full. Reports of one township or street name it in
 * several ways from year to year (`湖南镇`, `湖南镇政府`, `湖南镇人民政府`; `东湖街道`, `东湖街道办`,
 * `东湖街道办事处`; `某县政府`): each is one body, or its series would break where the wording changes.
 */
export function fullGovernmentName(name: string): string {
  if (name.endsWith('人民政府')) return name;
  const township = /^(.{2,}?(?:镇|乡|苏木|区|县|市|旗))政府$/u.exec(name) ?? /^(.{2,}?(?:镇|乡|苏木))$/u.exec(name);
  // (a development zone's 区 is no government's: `高新区政府` stays as printed)
  if (township && !ZONE.test(township[1]!)) return `${township[1]}人民政府`;
  const street = /^(.{2,}?街道)(?:办)?$/u.exec(name);
  return street ? `${street[1]}办事处` : name;
}

/** Canonical body for an issuer name, with the region it serves and the name of its parent government. */
export function resolveBody(issuer: string, regions: RegionIndex): Body {
  const name = fullGovernmentName(canonicalIssuer(issuer));
  const hit = regions.resolve(name);
  let level: string = levelOf(name);
  let parentName: string | null = null;
  if (hit) {
    const rest = name.slice(hit.end);
    const isGovernment = rest === '' || GOV_SUFFIX.test(rest) && !/办公[厅室]$/u.test(rest);
    if (isGovernment) {
      if (hit.region.level === 'province') level = 'province';
    } else {
      // a department, street or township belongs to the government of the region named before it
      parentName = canonicalIssuer(name.slice(0, hit.end));
      if (parentName === name) parentName = null;
    }
  }
  const gov = /^(.*?(?:人民政府|管理委员会|管委会))(?:办公厅|办公室)$/u.exec(name);
  if (gov) parentName = gov[1]!;
  return { bodyId: bodyIdOf(name), name, level, regionCode: hit?.region.code ?? null, parentName };
}

// Department words that hold a place-unit character without naming a place (住房和城乡建设局, 市场监督管理局).
const NOT_PLACES = /城乡|城市|市场|乡村|社区/gu;
const PLACE_UNIT = /自治区|省|市|州|盟|县|旗|区|镇|乡|苏木|街道/gu;

/**
 * A name that does not say where its body is: a department printed without its region (商务局,
 * 档案馆, 区公安局), or a township or street with no county before it (城关镇人民政府). Every county
 * has a 商务局, so two of these from different sites are not one body.
 */
export function withoutPlace(b: Body): boolean {
  if (b.regionCode) return false;
  const own = b.level === 'township' || b.level === 'street' ? 1 : b.level === 'department' ? 0 : -1;
  if (own < 0) return false;
  const name = b.name.replace(NOT_PLACES, '');
  let places = 0;
  let last = 0;
  for (const m of name.matchAll(PLACE_UNIT)) {
    if (m.index > last) places++; // a unit with a name before it (城关镇), not a bare 区 (区公安局)
    last = m.index + m[0].length;
  }
  return places <= own;
}

/** The body a place-less name stands for on one site or in one folder: 商务局（www.a.gov.cn）. */
export function scopedBody(b: Body, scope: string): Body {
  const name = `${b.name}（${scope}）`;
  return { ...b, name, bodyId: bodyIdOf(name) };
}
