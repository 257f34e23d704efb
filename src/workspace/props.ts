/** Script properties: ids and markers only, never case content or names. */

export function getScriptProperty(key: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(key);
}

export function setScriptProperty(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

export function deleteScriptProperty(key: string): void {
  PropertiesService.getScriptProperties().deleteProperty(key);
}

/** Removes every script property (a copied register starts without the original's ids). */
export function deleteAllScriptProperties(): void {
  PropertiesService.getScriptProperties().deleteAllProperties();
}
