/** Script properties: ids and markers only, never case content or names. */

/**
 * The script's property store, asked once: a `Properties` object reads and writes the store
 * itself on every call (reference/properties/properties), so one handle serves every later
 * read and write. Kept as long as the `PropertiesService` global is the same object.
 */
let service: GoogleAppsScript.Properties.PropertiesService | null = null;
let store: GoogleAppsScript.Properties.Properties | null = null;

function scriptProperties(): GoogleAppsScript.Properties.Properties {
  if (store === null || service !== PropertiesService) {
    service = PropertiesService;
    store = PropertiesService.getScriptProperties();
  }
  return store;
}

export function getScriptProperty(key: string): string | null {
  return scriptProperties().getProperty(key);
}

export function setScriptProperty(key: string, value: string): void {
  scriptProperties().setProperty(key, value);
}

export function deleteScriptProperty(key: string): void {
  PropertiesService.getScriptProperties().deleteProperty(key);
}

/** Removes every script property (a copied register starts without the original's ids). */
export function deleteAllScriptProperties(): void {
  scriptProperties().deleteAllProperties();
}
