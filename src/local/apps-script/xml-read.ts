/**
 * A small XML reader for the OOXML parts the emulated Drive conversion imports: elements,
 * attributes and text, with the five predefined entities and character references
 * (XML 1.0 §4.6, §4.1). Processing instructions, comments and CDATA are handled; DTDs are refused.
 */
export interface XmlEl {
  name: string;
  attrs: Record<string, string>;
  children: (XmlEl | string)[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`XML: onbekende entiteit ${m}`);
    return v;
  });
}

/** Characters that end an element name: white space (XML 1.0 §2.3 S) and '/'. */
const NAME_END = new Set([0x20, 0x09, 0x0d, 0x0a, 0x2f]);
const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlEl {
  const root: XmlEl = { name: '#root', attrs: {}, children: [] };
  const stack: XmlEl[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      const tail = xml.slice(i);
      if (tail.trim() !== '') stack[stack.length - 1]!.children.push(decode(tail));
      break;
    }
    if (lt > i) stack[stack.length - 1]!.children.push(decode(xml.slice(i, lt)));
    if (xml.startsWith('<?', lt)) {
      i = xml.indexOf('?>', lt) + 2;
    } else if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      stack[stack.length - 1]!.children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new Error('XML: een DTD wordt niet gelezen.');
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML: </${name}> sluit ${open?.name ?? 'niets'}`);
      i = end + 1;
    } else {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw new Error('XML: onafgesloten element');
      const selfClosing = xml.charCodeAt(end - 1) === 47; // '/'
      const bodyEnd = selfClosing ? end - 1 : end;
      // The name runs up to the first white space or '/' (scanned, not matched: this loop
      // reads every element of every imported document).
      let n = lt + 1;
      while (n < bodyEnd && !NAME_END.has(xml.charCodeAt(n))) n++;
      if (n === lt + 1) throw new Error('XML: element zonder naam');
      const el: XmlEl = { name: xml.slice(lt + 1, n), attrs: {}, children: [] };
      if (n < bodyEnd) {
        const rest = xml.slice(n, bodyEnd);
        ATTR.lastIndex = 0;
        for (let a = ATTR.exec(rest); a !== null; a = ATTR.exec(rest)) {
          el.attrs[a[1]!] = decode(a[3] ?? a[4] ?? '');
        }
      }
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) stack.push(el);
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is niet gesloten`);
  const top = root.children.find((c): c is XmlEl => typeof c !== 'string');
  if (!top) throw new Error('XML: geen hoofdelement');
  return top;
}

export function kids(el: XmlEl, name?: string): XmlEl[] {
  return el.children.filter(
    (c): c is XmlEl => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

export function kid(el: XmlEl | undefined, name: string): XmlEl | undefined {
  return el ? kids(el, name)[0] : undefined;
}

/** First descendant with this name (depth first). */
export function find(el: XmlEl, name: string): XmlEl | undefined {
  for (const c of kids(el)) {
    if (c.name === name) return c;
    const f = find(c, name);
    if (f) return f;
  }
  return undefined;
}

export function textIn(el: XmlEl): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textIn(c))).join('');
}
