/** workspace/memo (a memo for one action) and workspace/props (the script property store). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installAppsScript } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { actionMemo } from '../../src/workspace/memo';
import {
  deleteAllScriptProperties,
  deleteScriptProperty,
  getScriptProperty,
  setScriptProperty,
} from '../../src/workspace/props';

describe('actionMemo', () => {
  it('buiten een actie maakt get elke keer een nieuwe waarde', () => {
    const memo = actionMemo<number>();
    let made = 0;
    expect(memo.get('a', () => ++made)).toBe(1);
    expect(memo.get('a', () => ++made)).toBe(2);
  });

  it('binnen een actie één keer per sleutel; daarna weer vers; run geeft de uitkomst door', () => {
    const memo = actionMemo<number>();
    let made = 0;
    const got = memo.run(() => [
      memo.get('a', () => ++made),
      memo.get('a', () => ++made),
      memo.get('b', () => ++made),
    ]);
    expect(got).toEqual([1, 1, 2]);
    expect(memo.get('a', () => ++made)).toBe(3);
  });

  it('een actie binnen een actie deelt de buitenste; clear vergeet wat er was', () => {
    const memo = actionMemo<number>();
    let made = 0;
    memo.run(() => {
      memo.get('a', () => ++made);
      memo.run(() => expect(memo.get('a', () => ++made)).toBe(1));
      expect(memo.get('a', () => ++made)).toBe(1);
      memo.clear();
      expect(memo.get('a', () => ++made)).toBe(2);
    });
    memo.clear();
  });

  it('ook na een fout in de actie is het memo daarna weer uit', () => {
    const memo = actionMemo<number>();
    let made = 0;
    expect(() =>
      memo.run(() => {
        memo.get('a', () => ++made);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(memo.get('a', () => ++made)).toBe(2);
    expect(memo.get('a', () => ++made)).toBe(3);
  });
});

describe('script properties', () => {
  let rt: Runtime;
  let uninstall: () => void;
  beforeEach(() => {
    rt = new Runtime({ latency: false });
    uninstall = installAppsScript(rt).uninstall;
  });
  afterEach(() => uninstall());

  it('vraagt de opslag één keer op en gebruikt die daarna voor lezen en schrijven', () => {
    setScriptProperty('A', '1');
    setScriptProperty('B', '2');
    rt.counts.clear();
    expect(getScriptProperty('A')).toBe('1');
    expect(getScriptProperty('B')).toBe('2');
    expect(rt.counts.get('PropertiesService.getScriptProperties')).toBeUndefined();
  });

  it('een nieuwe omgeving (een andere PropertiesService) krijgt zijn eigen opslag', () => {
    setScriptProperty('A', 'oud');
    uninstall();
    rt = new Runtime({ latency: false });
    uninstall = installAppsScript(rt).uninstall;
    expect(getScriptProperty('A')).toBeNull();
    setScriptProperty('A', 'nieuw');
    expect(PropertiesService.getScriptProperties().getProperty('A')).toBe('nieuw');
  });

  it('verwijdert één eigenschap of alle', () => {
    setScriptProperty('A', '1');
    setScriptProperty('B', '2');
    deleteScriptProperty('A');
    expect(getScriptProperty('A')).toBeNull();
    expect(getScriptProperty('B')).toBe('2');
    setScriptProperty('C', '3');
    deleteAllScriptProperties();
    expect(PropertiesService.getScriptProperties().getKeys()).toEqual([]);
  });
});
