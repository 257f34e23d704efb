/**
 * The editor/viewer members `File`, `Folder` and `Spreadsheet` share (reference/drive/file#addEditor,
 * reference/spreadsheet/spreadsheet#addEditor; reference/drive/drive-app): the lists live on the Drive entry,
 * the plural forms take an array, a single user is an email string or a `User`.
 */
import { addEditorTo, addViewerTo, removeEditorFrom, removeViewerFrom } from './drive-core';
import { signatureError, userFor } from './handles';
import type { DriveEntry } from './runtime';

/** The members `Shareable` implements, for the `Pick<…>` lists of its subclasses. */
export type SharingMember =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getEditors'
  | 'getViewers'
  | 'getOwner';

type UserArg = string | GoogleAppsScript.Base.User;

/** `Self` is the Apps Script interface the setters return, `U` the user type the getters give. */
export abstract class Shareable<Self, U> {
  /** Counts `<Class>.<method>` and returns the entry whose lists the member reads or changes. */
  protected abstract sharedEntry(method: string): DriveEntry;

  /** `DriveApp.File.addEditors`: the method name signature errors report. */
  protected abstract signatureOf(method: string): string;

  /** Called after the lists changed (Drive items bump their last-updated time). */
  protected sharingChanged(_entry: DriveEntry): void {}

  protected share(method: string, users: unknown, fn: (entry: DriveEntry, user: unknown) => void): Self {
    const e = this.sharedEntry(method);
    const list = /^(add|remove)(Editors|Viewers)$/.test(method) ? users : [users];
    if (!Array.isArray(list)) throw signatureError(this.signatureOf(method), [users]);
    for (const u of list) fn(e, u);
    this.sharingChanged(e);
    return this as unknown as Self;
  }

  addEditor(user: UserArg): Self {
    return this.share('addEditor', user, addEditorTo);
  }

  addEditors(emailAddresses: string[]): Self {
    return this.share('addEditors', emailAddresses, addEditorTo);
  }

  addViewer(user: UserArg): Self {
    return this.share('addViewer', user, addViewerTo);
  }

  addViewers(emailAddresses: string[]): Self {
    return this.share('addViewers', emailAddresses, addViewerTo);
  }

  removeEditor(user: UserArg): Self {
    return this.share('removeEditor', user, removeEditorFrom);
  }

  removeViewer(user: UserArg): Self {
    return this.share('removeViewer', user, removeViewerFrom);
  }

  /** Editors without the owner (unconfirmed whether Apps Script lists the owner). */
  getEditors(): U[] {
    return this.sharedEntry('getEditors').editors.map((e) => userFor<U>(e));
  }

  getViewers(): U[] {
    return this.sharedEntry('getViewers').viewers.map((e) => userFor<U>(e));
  }

  getOwner(): U {
    return userFor<U>(this.sharedEntry('getOwner').owner);
  }
}
