/**
 * Form publishing members (2025 Forms change, apps-script reference forms/form) that
 * @types/google-apps-script 2.0.13 does not declare yet. Merged into the Form interface so
 * both the product code and the in-memory Apps Script are type-checked against them.
 */
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      /** Publishes (true) or unpublishes (false) the form; publishing also starts accepting responses. */
      setPublished(enabled: boolean): Form;
      isPublished(): boolean;
      addPublishedReader(emailAddress: string): Form;
      addPublishedReader(user: Base.User): Form;
      addPublishedReaders(emailAddresses: string[]): Form;
      getPublishedReaders(): Base.User[];
      removePublishedReader(emailAddress: string): Form;
      removePublishedReader(user: Base.User): Form;
      /** False for legacy forms without publish settings. */
      supportsAdvancedResponderPermissions(): boolean;
    }
  }
}
