/** Script properties: ids and markers only, never case content or names. */

export function getScriptProperty(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(key);
}

export function setScriptProperty(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}
