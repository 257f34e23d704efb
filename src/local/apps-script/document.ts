/**
 * In-memory DocumentApp (reference/document/document-app, document; reference/document/body). Documents
 * are Drive entries of MIME.document whose `data` is a DocModel. Each open (create/openById)
 * is a session: after saveAndClose() every handle from it refuses edits.
 */

import { BlobImpl } from './blob';
import { type DocCtx, wrap } from './document-base';
import './document-containers';
import './document-elements';
import './document-tables';
import {
  Attribute,
  type DocModel,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  newDocModel,
  newSection,
  ParagraphHeading,
  TextAlignment,
  VerticalAlignment,
} from './document-model';
import { documentPdf, snapshotModel } from './document-snapshot';
import './document-text';
import { registerConverter } from './drive';
import { gasError, MIME, type Runtime } from './runtime';
import { strict } from './strict';
import { createUi } from './ui';

export { type DocumentSnapshot, documentPdf, snapshotDocument } from './document-snapshot';

type Doc = GoogleAppsScript.Document.Document;

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

function modelOf(rt: Runtime, id: string): DocModel {
  return rt.getEntry(id, MIME.document).data as DocModel;
}

class DocumentImpl
  implements
    Pick<
      Doc,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'getBody'
      | 'getHeader'
      | 'addHeader'
      | 'getFooter'
      | 'addFooter'
      | 'saveAndClose'
      | 'getAs'
      | 'getBlob'
    >
{
  private readonly ctx: DocCtx;
  proxy: Doc | null = null;

  constructor(
    private readonly rt: Runtime,
    readonly id: string,
  ) {
    this.ctx = { rt, docId: id, session: { closed: false } };
  }

  private call(method: string): void {
    this.rt.call(`Document.${method}`);
  }

  private model(): DocModel {
    return modelOf(this.rt, this.id);
  }

  private mut(): DocModel {
    if (this.ctx.session.closed) throw gasError('Document is closed, its contents cannot be updated.');
    this.rt.touch(this.rt.getEntry(this.id));
    return this.model();
  }

  getId(): string {
    this.call('getId');
    return this.id;
  }

  getName(): string {
    this.call('getName');
    return this.rt.getEntry(this.id, MIME.document).name;
  }

  setName(name: string): Doc {
    this.call('setName');
    if (name === null || name === undefined) throw gasError('Invalid argument: name');
    this.mut();
    this.rt.getEntry(this.id).name = String(name);
    return this.proxy!;
  }

  getUrl(): string {
    this.call('getUrl');
    this.model();
    return documentUrl(this.id);
  }

  /** The first tab's body. */
  getBody(): GoogleAppsScript.Document.Body {
    this.call('getBody');
    return wrap(this.ctx, this.model().body);
  }

  /** null until addHeader(). */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    this.call('getHeader');
    const h = this.model().header;
    return h ? wrap(this.ctx, h) : (null as unknown as GoogleAppsScript.Document.HeaderSection);
  }

  /** Adds a header (one empty paragraph); when one exists it is returned (unconfirmed). */
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    this.call('addHeader');
    const m = this.mut();
    m.header ??= newSection('HEADER_SECTION');
    return wrap(this.ctx, m.header);
  }

  getFooter(): GoogleAppsScript.Document.FooterSection {
    this.call('getFooter');
    const f = this.model().footer;
    return f ? wrap(this.ctx, f) : (null as unknown as GoogleAppsScript.Document.FooterSection);
  }

  addFooter(): GoogleAppsScript.Document.FooterSection {
    this.call('addFooter');
    const m = this.mut();
    m.footer ??= newSection('FOOTER_SECTION');
    return wrap(this.ctx, m.footer);
  }

  /** After this, edits through this Document and its elements throw [W]; reopen with openById. */
  saveAndClose(): void {
    this.call('saveAndClose');
    this.ctx.session.closed = true;
  }

  /** Only 'application/pdf' (DOC#getAs). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.call('getAs');
    return pdfBlob(this.rt, this.id, String(contentType)) as unknown as GoogleAppsScript.Base.Blob;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.call('getBlob');
    return pdfBlob(this.rt, this.id, MIME.pdf) as unknown as GoogleAppsScript.Base.Blob;
  }
}

function pdfBlob(rt: Runtime, id: string, contentType: string): BlobImpl {
  const entry = rt.getEntry(id, MIME.document);
  if (contentType !== MIME.pdf) {
    throw gasError(`Converting from ${MIME.document} to ${contentType} is not supported.`);
  }
  rt.countCreation('conversions');
  const bytes = documentPdf(entry.name, entry.data as DocModel);
  return new BlobImpl(bytes, MIME.pdf, `${entry.name}.pdf`);
}

function docHandle(rt: Runtime, id: string): Doc {
  const impl = new DocumentImpl(rt, id);
  impl.proxy = strict(impl, 'Document') as unknown as Doc;
  return impl.proxy;
}

const DOC_URL_RE =
  /^https:\/\/docs\.google\.com\/(?:document\/d\/([A-Za-z0-9_-]+)|open\?id=([A-Za-z0-9_-]+))/;

class DocumentAppImpl
  implements
    Pick<
      GoogleAppsScript.Document.DocumentApp,
      'create' | 'openById' | 'openByUrl' | 'getActiveDocument' | 'getUi'
    >
{
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(private readonly rt: Runtime) {}

  /** New document in the Drive root: a body with one empty paragraph. */
  create(name: string): Doc {
    this.rt.call('DocumentApp.create');
    if (name === null || name === undefined) throw gasError('Invalid argument: name');
    this.rt.countCreation('documents');
    const entry = this.rt.createFile(String(name), MIME.document, newDocModel());
    return docHandle(this.rt, entry.id);
  }

  openById(id: string): Doc {
    this.rt.call('DocumentApp.openById');
    return docHandle(this.rt, this.rt.getEntry(String(id), MIME.document).id);
  }

  openByUrl(url: string): Doc {
    this.rt.call('DocumentApp.openByUrl');
    const m = DOC_URL_RE.exec(String(url));
    if (!m) throw gasError('Invalid argument: url');
    return docHandle(this.rt, this.rt.getEntry((m[1] ?? m[2])!, MIME.document).id);
  }

  /** The document a script is bound to; null in scripts bound to something else. */
  getActiveDocument(): Doc {
    this.rt.call('DocumentApp.getActiveDocument');
    const bound = this.rt.boundEntry(MIME.document);
    return bound ? docHandle(this.rt, bound.id) : (null as unknown as Doc);
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this.rt.call('DocumentApp.getUi');
    return createUi(this.rt, 'DocumentApp', MIME.document);
  }
}

export function createDocumentApp(rt: Runtime): GoogleAppsScript.Document.DocumentApp {
  return strict(new DocumentAppImpl(rt), 'DocumentApp') as unknown as GoogleAppsScript.Document.DocumentApp;
}

// DriveApp.getFileById(docId).getAs('application/pdf') / getBlob() use the same renderer.
registerConverter(MIME.document, (rt, entry, target) => pdfBlob(rt, entry.id, target));

export { snapshotModel };
