import { describe, expect, it } from 'vitest';
import { createCacheService } from '../../src/local/apps-script/cache';
import { createPropertiesService, STORAGE_QUOTA_MESSAGE } from '../../src/local/apps-script/properties';
import { Runtime } from '../../src/local/apps-script/runtime';

const newRt = (userEmail?: string) => new Runtime({ latency: false, ...(userEmail ? { userEmail } : {}) });

describe('PropertiesService', () => {
  it('stores strings, returns null for missing keys and hands out copies', () => {
    const rt = newRt();
    const props = createPropertiesService(rt).getScriptProperties();
    expect(props.getProperty('ontbreekt')).toBeNull();
    props.setProperty('teller', 5 as unknown as string);
    expect(props.getProperty('teller')).toBe('5');
    const copy = props.getProperties();
    copy.teller = '99';
    expect(props.getProperty('teller')).toBe('5');
    // A second handle sees the same store.
    expect(createPropertiesService(rt).getScriptProperties().getKeys()).toEqual(['teller']);
  });

  it('setProperties merges or replaces, and deletes work', () => {
    const props = createPropertiesService(newRt()).getUserProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' });
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ d: '4' }, true);
    expect(props.getKeys()).toEqual(['d']);
    props.deleteProperty('d').deleteProperty('bestaat-niet');
    props.setProperty('e', '5');
    props.deleteAllProperties();
    expect(props.getProperties()).toEqual({});
  });

  it('script and user stores are separate', () => {
    const svc = createPropertiesService(newRt());
    svc.getScriptProperties().setProperty('k', 'script');
    expect(svc.getUserProperties().getProperty('k')).toBeNull();
  });

  it('document properties exist only for a bound script', () => {
    const rt = newRt();
    const svc = createPropertiesService(rt);
    expect(svc.getDocumentProperties()).toBeNull();
    rt.boundContainerId = 'register-1';
    svc.getDocumentProperties().setProperty('k', 'v');
    expect(svc.getDocumentProperties().getProperty('k')).toBe('v');
  });

  it('refuses a value over 9 KB and keeps the old value', () => {
    const props = createPropertiesService(newRt()).getScriptProperties();
    props.setProperty('k', 'oud');
    props.setProperty('grens', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow(STORAGE_QUOTA_MESSAGE);
    expect(props.getProperty('k')).toBe('oud');
  });

  it('refuses a store over 500 KB counting keys and values', () => {
    const props = createPropertiesService(newRt()).getScriptProperties();
    const value = 'v'.repeat(8 * 1024);
    for (let i = 0; i < 62; i++) props.setProperty(`sleutel-${String(i).padStart(2, '0')}`, value);
    // 62 × (8192 + 11) = 508,586 bytes; the next one crosses 512,000.
    expect(() => props.setProperty('sleutel-62', value)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getKeys()).toHaveLength(62);
  });

  it('counts reads and writes against the daily quota (50,000 on a consumer account)', () => {
    const rt = newRt('iemand@gmail.com');
    const props = createPropertiesService(rt).getScriptProperties();
    for (let i = 0; i < 50_000; i++) props.getProperty('k');
    expect(() => props.getProperty('k')).toThrow('Service invoked too many times for one day: properties.');
    rt.advance(24 * 3_600_000);
    expect(props.getProperty('k')).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries on the emulated clock with a 600 s default', () => {
    const rt = newRt();
    const cache = createCacheService(rt).getScriptCache();
    cache.put('a', '1');
    cache.put('b', '2', 30);
    rt.advance(30_000);
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).toBe('1');
    rt.advance(570_000);
    expect(cache.get('a')).toBeNull();
  });

  it('caps the ttl at 6 hours', () => {
    const rt = newRt();
    const cache = createCacheService(rt).getUserCache();
    cache.put('k', 'v', 100_000);
    rt.advance(21_600_000 - 1);
    expect(cache.get('k')).toBe('v');
    rt.advance(1);
    expect(cache.get('k')).toBeNull();
  });

  it('getAll returns only present keys; remove and removeAll work', () => {
    const cache = createCacheService(newRt()).getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ b: '2' });
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['b', 'c'])).toEqual({});
  });

  it('rejects oversize keys and values', () => {
    const cache = createCacheService(newRt()).getScriptCache();
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  it('the document cache is null unless bound', () => {
    const rt = newRt();
    expect(createCacheService(rt).getDocumentCache()).toBeNull();
    rt.boundContainerId = 'register-1';
    expect(createCacheService(rt).getDocumentCache()).not.toBeNull();
  });
});
