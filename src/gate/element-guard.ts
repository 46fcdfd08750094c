import { BLOCKED_TYPE, isAllowedHeld, type Held, type HeldKind, type Releaser } from './held-elements';
import { descriptorOf, guardSetter } from './native';
import type { Rules } from './rules';

/**
 * Auto-blocking of scripts, iframes and images (G1, G3, G5) — three nets, because each way an
 * element reaches the page starts its request at a different moment (verified in Chromium):
 *  1. `src`/`srcset`/`type` through properties, `setAttribute(NS)` and Attr nodes — a script or
 *     iframe created by code fetches as soon as it is inserted with a `src` (or gets one while
 *     inserted), an image as soon as `src` is set, even detached (`new Image()`);
 *  2. insertion methods (`appendChild`, `append`, … — so also `createContextualFragment` results and
 *     `<template>` clones) and `innerHTML`/`outerHTML`/`insertAdjacentHTML` — elements whose `src`
 *     came from markup parsed by code;
 *  3. a MutationObserver until DOMContentLoaded — the parser performs a microtask checkpoint before
 *     it prepares a `</script>` (HTML §13.2.6.4.8), so the observer changes the type of a pasted tag
 *     before it runs.
 */
export interface ElementGuardOptions {
  readonly win: Window & typeof globalThis;
  readonly rules: Rules;
  readonly nonce: string | undefined;
  readonly log: (message: string) => void;
  readonly warn: (message: string) => void;
  /** Categories whose scripts or frames have run, shared by the page and its frames. */
  readonly ran?: Set<string>;
  /** Called with the window of every frame that enters the document or is reached from here. */
  readonly adopt?: (frame: Window | null) => void;
  /**
   * What a node of each built-in prototype is, for the insertion hot path: filled by every realm
   * with its own prototypes and shared by all of them (a frame's nodes can be inserted in the page).
   */
  readonly kinds?: Kinds;
  /** What releases held elements, once it is there (shared by every realm); until then `pending` is told. */
  readonly releaser: { current?: Releaser; pending: () => void };
}

/** Built-in prototypes → what their nodes are (`PLAIN`, `NOTHING` or `SUBTREE`). */
export type Kinds = WeakMap<object, number>;

// The kinds the gate holds, by `localName` (the insertion check reads prototypes, then `nodeName`).
const KIND: { readonly [tag: string]: HeldKind } = {
  script: 'script',
  iframe: 'iframe',
  img: 'img',
  image: 'image',
};
// `image` matches SVG's <image> (HTML has none: its parser makes <img> of it).
const GUARDED = 'script,iframe,img,image';
const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
/** What an inserted node may need (`classify`): nothing, a look at itself, or at what it holds. */
const NOTHING = 0;
const GUARDED_ELEMENT = 1;
const FRAME = 2;
const SUBTREE = 3;
type Found = typeof NOTHING | typeof GUARDED_ELEMENT | typeof FRAME | typeof SUBTREE;
/** In `Kinds` only: an element that is none of the guarded kinds; what it holds decides. */
const PLAIN = 4;
/**
 * Element interfaces whose prototypes go in `Kinds` as PLAIN. Scripts, images and frames stay out
 * (and so do SVG's script and image): their nodes take the slow road, which reads the tag.
 */
const HTML_WITH_LOADS = /<(iframe|img|image)\b/i;

export function installElementGuard({
  win,
  rules,
  nonce,
  log,
  warn,
  ran = new Set<string>(),
  adopt = () => {},
  kinds = new WeakMap(),
  releaser,
}: ElementGuardOptions) {
  const doc = win.document;
  const held: Held[] = [];
  const heldByElement = new WeakMap<Element, Held>();
  const executed = new Set<string>();
  const warned = new Set<string>();
  const proto = win.Element.prototype;
  const nodeNameOf = descriptorOf(win.Node.prototype, 'nodeName')!.get!;
  const nodeTypeOf = descriptorOf(win.Node.prototype, 'nodeType')!.get!;
  const firstElementChildOf = descriptorOf(proto, 'firstElementChild')!.get!;
  const nativeSetAttribute = proto.setAttribute;
  const nativeGetAttribute = proto.getAttribute;
  const nativeRemoveAttribute = proto.removeAttribute;
  const setAttribute = (element: Element, name: string, value: string) =>
    nativeSetAttribute.call(element, name, value);
  const removeAttribute = (element: Element, name: string) => nativeRemoveAttribute.call(element, name);
  /** The kind the gate holds this element as, if any (an `image` only in SVG). */
  const heldKindOf = (element: Element): HeldKind | undefined => {
    const kind = KIND[element.localName];
    return kind === 'image' && element.namespaceURI !== SVG ? undefined : kind;
  };
  /** An SVG image's URL: `href`, or the older `xlink:href`. */
  const svgHref = (element: Element) =>
    nativeGetAttribute.call(element, 'href') ?? element.getAttributeNS(XLINK, 'href');

  // Assigned below, with the HTML parsing tools it needs; used by the attribute and parser nets.
  let guardSrcdoc: (frame: HTMLElement, html: string, write: () => void) => void = (_f, _h, write) => write();

  /** The element's entry while it is still waiting (released entries stay in the WeakMap, harmlessly). */
  const live = (element: Element) => {
    const item = heldByElement.get(element);
    return item && held.includes(item) ? item : undefined;
  };

  function hold(element: HTMLElement, entry: Omit<Held, 'element' | 'kind'>): Held {
    const item: Held = { element, kind: KIND[element.localName]!, ...entry };
    held.push(item);
    heldByElement.set(element, item);
    log(`held ${item.kind} ${item.url || '(inline)'} (${item.match?.category ?? item.categories.join(' ')})`);
    return item;
  }

  /** A script about to get a blocked `src`: it keeps a non-executable type until released. */
  function blockScript(script: HTMLScriptElement, url: string) {
    const existing = live(script);
    if (existing) {
      existing.url = url;
      return;
    }
    const match = rules.forUrl(url, doc.baseURI);
    if (!match || rules.isAllowed(match)) return;
    hold(script, {
      match,
      categories: [],
      url,
      originalType: nativeGetAttribute.call(script, 'type'),
      markup: false,
    });
    setAttribute(script, 'type', BLOCKED_TYPE);
  }

  /** `src`/`srcset` on a script, iframe or image: block before the browser sees the URL; `write` when it may. */
  function guardUrl(element: HTMLElement, name: string, value: string, write: () => void) {
    const kind = heldKindOf(element);
    if (kind === 'script' && name === 'src') {
      blockScript(element as HTMLScriptElement, value);
      return write();
    }
    const existing = live(element);
    const match =
      existing?.match ?? rules.forUrl(name === 'srcset' ? value.trim().split(/\s/)[0]! : value, doc.baseURI);
    if (!kind || !match || rules.isAllowed(match)) return write();
    const item =
      existing ?? hold(element, { match, categories: [], url: '', originalType: null, markup: false });
    if (name === 'srcset') item.srcset = value;
    else item.url = value;
  }

  /**
   * Look at a node about to enter (or just entered) the document, and its descendants; `what` is
   * what `classify` found, when the caller already asked. Returns the frames among them, whose
   * windows are guarded once they are in.
   */
  function inspect(node: Node, parsed: boolean, what = classify(node)): HTMLElement[] | undefined {
    if (what === NOTHING) return undefined;
    let frames: HTMLElement[] | undefined;
    if (what === GUARDED_ELEMENT || what === FRAME) {
      inspectOne(node as HTMLElement, parsed);
      if (what === FRAME) frames = [node as HTMLElement];
      if (firstElementChildOf.call(node) === null) return frames;
    }
    // Most inserted subtrees hold no script, frame or image: one querySelector says so.
    if ((node as ParentNode).querySelector(GUARDED)) {
      for (const child of Array.from((node as ParentNode).querySelectorAll<HTMLElement>(GUARDED))) {
        inspectOne(child, parsed);
        if (child.localName === 'iframe') (frames ??= []).push(child);
      }
    }
    return frames;
  }

  // A same-origin frame is a fresh realm whose functions the gate has not touched yet: its window is
  // handed to `adopt` as soon as it exists — after insertion, and whenever code reaches for it.
  // The frame's document is read, not its window's: for a frame of another origin the browser
  // answers null instead of throwing (and logging) a SecurityError.
  const frameProto = win.HTMLIFrameElement.prototype;
  const frameDocumentOf = descriptorOf(frameProto, 'contentDocument')!.get!;
  const adoptFrames = (frames: readonly HTMLElement[] | undefined) => {
    if (frames)
      for (const frame of frames)
        adopt((frameDocumentOf.call(frame) as Document | null)?.defaultView ?? null);
  };
  for (const owner of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
    const target = owner?.prototype;
    const windowGetter = target && descriptorOf(target, 'contentWindow');
    const documentGetter = target && descriptorOf(target, 'contentDocument');
    if (!target || !windowGetter?.get || !documentGetter?.get) continue;
    const windowOf = windowGetter.get;
    const documentOf = documentGetter.get;
    const reach = (element: HTMLElement) => {
      const frameDocument = documentOf.call(element) as Document | null;
      if (frameDocument) adopt(frameDocument.defaultView);
      return frameDocument;
    };
    Object.defineProperty(target, 'contentWindow', {
      ...windowGetter,
      get(this: HTMLElement) {
        reach(this);
        return windowOf.call(this) as Window | null;
      },
    });
    Object.defineProperty(target, 'contentDocument', {
      ...documentGetter,
      get(this: HTMLElement) {
        return reach(this);
      },
    });
  }

  function inspectOne(element: HTMLElement, parsed: boolean) {
    const existing = heldByElement.get(element);
    if (existing) {
      // A held script granted before the page inserted it: never prepared, so it may simply run.
      if (!element.isConnected && held.includes(existing) && isAllowedHeld(existing, rules)) void release();
      return;
    }
    const kind = heldKindOf(element);
    if (!kind) return;
    const category = nativeGetAttribute.call(element, 'data-category');
    const type = nativeGetAttribute.call(element, 'type');
    if (category !== null && (kind === 'script' ? type === 'text/plain' : element.hasAttribute('data-src'))) {
      const item = hold(element, {
        match: undefined,
        categories: category.split(/[\s,]+/).filter(Boolean),
        url: nativeGetAttribute.call(element, 'data-src') ?? '',
        srcset: nativeGetAttribute.call(element, 'data-srcset') ?? undefined,
        originalType: null,
        markup: true,
      });
      if (isAllowedHeld(item, rules)) void release();
      return;
    }
    if (type === BLOCKED_TYPE) return;
    if (kind === 'iframe') {
      // Parsed (the page's HTML, an inert parse): a srcdoc is judged by its markup.
      const srcdoc = nativeGetAttribute.call(element, 'srcdoc');
      if (srcdoc !== null) guardSrcdoc(element, srcdoc, () => {});
      if (live(element)) return;
    }
    const url = (kind === 'image' ? svgHref(element) : nativeGetAttribute.call(element, 'src')) ?? '';
    const match = url ? rules.forUrl(url, doc.baseURI) : undefined;
    if (!match) return;
    if (rules.isAllowed(match)) {
      if (kind === 'script') {
        executed.add(new URL(url, doc.baseURI).href);
        ran.add(match.category);
      }
      return;
    }
    if (kind === 'script') {
      blockScript(element as HTMLScriptElement, url);
      if (parsed && !warned.has(url)) {
        warned.add(url);
        // G3: the preload scanner fetched this static tag already; it will not run, but the fix avoids the download.
        warn(
          `<script src="${url}"> is pasted in the HTML, so the browser downloaded it before Consentry could act. ` +
            `It will not run until "${match.category}" is granted. To avoid the download, mark it: ` +
            `<script type="text/plain" data-category="${match.category}" data-src="${url}">`,
        );
      }
      return;
    }
    hold(element, {
      match,
      categories: [],
      url,
      srcset: nativeGetAttribute.call(element, 'srcset') ?? undefined,
      originalType: null,
      markup: false,
    });
    removeAttribute(element, 'srcset');
    // An iframe navigates to about:blank rather than the tracker; an image shows nothing.
    removeAttribute(element, 'src');
    if (kind === 'image') {
      removeAttribute(element, 'href');
      element.removeAttributeNS(XLINK, 'href');
    }
  }

  // Net 1: URL properties and attributes.
  for (const [ctor, names] of [
    [win.HTMLScriptElement, ['src']],
    [win.HTMLIFrameElement, ['src']],
    [win.HTMLImageElement, ['src', 'srcset']],
  ] as const) {
    for (const name of names) {
      guardSetter(ctor.prototype, name, (element: HTMLElement, value, set) =>
        guardUrl(element, name, value, () => set(value)),
      );
    }
  }
  // A script's type set after its blocked src must not unblock it: remember it for the release.
  guardSetter(win.HTMLScriptElement.prototype, 'type', (script: HTMLScriptElement, value, set) => {
    const item = live(script);
    if (item && !item.markup) item.originalType = value;
    else set(value);
  });
  /** `src`, `srcset` and `type` through the attribute APIs take the same road as the properties. */
  const guardAttribute = (element: Element, name: string, value: string, write: () => void) => {
    const lower = name.toLowerCase();
    if (lower === 'srcdoc' && element.localName === 'iframe')
      return guardSrcdoc(element as HTMLElement, value, write);
    const kind = heldKindOf(element);
    if (kind === 'image')
      return lower === 'href' || lower === 'xlink:href'
        ? guardUrl(element as HTMLElement, 'href', value, write)
        : write();
    if (!kind || (lower !== 'src' && lower !== 'srcset' && lower !== 'type')) return write();
    const item = live(element);
    if (lower === 'type') {
      if (element.localName === 'script' && item && !item.markup) item.originalType = value;
      else write();
      return;
    }
    guardUrl(element as HTMLElement, lower, value, write);
  };
  proto.setAttribute = function (this: Element, name: string, value: string) {
    guardAttribute(this, String(name), String(value), () => nativeSetAttribute.call(this, name, value));
  };
  const nativeSetAttributeNS = proto.setAttributeNS;
  proto.setAttributeNS = function (this: Element, namespace: string | null, name: string, value: string) {
    const write = () => nativeSetAttributeNS.call(this, namespace, name, value);
    // Only the null namespace holds HTML's own src/type attributes (and XLink an SVG image's href).
    if (namespace && !(namespace === XLINK && heldKindOf(this) === 'image')) write();
    else guardAttribute(this, String(name), String(value), write);
  };

  // The Attr node roads to the same attributes: setAttributeNode(NS) and attr.value.
  /** An Attr node given to `element` by `place` (which returns the Attr it replaced). */
  const guardAttrNode = (element: Element, attr: Attr, place: () => Attr | null): Attr | null => {
    if (attr.namespaceURI && !(attr.namespaceURI === XLINK && heldKindOf(element) === 'image'))
      return place();
    let replaced: Attr | null = null;
    guardAttribute(element, attr.name, attr.value, () => (replaced = place()));
    return replaced;
  };
  for (const name of ['setAttributeNode', 'setAttributeNodeNS'] as const) {
    const original = proto[name];
    proto[name] = function (this: Element, attr: Attr) {
      return guardAttrNode(this, attr, () => original.call(this, attr));
    };
  }
  /**
   * Wraps the getter `name` of `target` so that each object it hands out is remembered (weakly)
   * with the element it came from: for objects that do not tell their element themselves.
   */
  const rememberOwners = (target: object, name: string) => {
    const owners = new WeakMap<object, Element>();
    const getter = descriptorOf(target, name);
    const get = getter?.get;
    if (getter && get)
      Object.defineProperty(target, name, {
        ...getter,
        get(this: Element) {
          const handedOut = get.call(this) as object;
          owners.set(handedOut, this);
          return handedOut;
        },
      });
    return owners;
  };
  // element.attributes.setNamedItem(attr): a NamedNodeMap does not tell its element.
  const mapOwners = rememberOwners(proto, 'attributes');
  const mapProto = win.NamedNodeMap.prototype;
  for (const name of ['setNamedItem', 'setNamedItemNS'] as const) {
    const original = mapProto[name];
    mapProto[name] = function (this: NamedNodeMap, attr: Attr) {
      const element = mapOwners.get(this);
      const place = () => original.call(this, attr);
      return element ? guardAttrNode(element, attr, place) : place();
    };
  }
  guardSetter(win.Attr.prototype, 'value', (attr: Attr, value, set) =>
    attr.ownerElement && (!attr.namespaceURI || heldKindOf(attr.ownerElement) === 'image')
      ? guardAttribute(attr.ownerElement, attr.name, value, () => set(value))
      : set(value),
  );

  // An SVG image's `href.baseVal`: the SVGAnimatedString does not tell its element either.
  const svgImage = win.SVGImageElement?.prototype;
  if (svgImage && win.SVGAnimatedString) {
    const hrefOwners = rememberOwners(svgImage, 'href');
    guardSetter(win.SVGAnimatedString.prototype, 'baseVal', (animated: object, value, set) => {
      const element = hrefOwners.get(animated);
      return element ? guardUrl(element as HTMLElement, 'href', value, () => set(value)) : set(value);
    });
  }

  // Net 2: every way code inserts nodes.
  // The node being inserted is the first argument of appendChild, insertBefore, replaceChild,
  // insertAdjacentElement's second and Range#insertNode's only one; fixed-arity wrappers keep the
  // hot path free of rest arrays.
  type Method = (this: unknown, ...args: unknown[]) => unknown;
  /** The node type of a node, 0 for anything else. */
  const nodeTypeIn = (value: unknown): number => {
    try {
      const type = nodeTypeOf.call(value) as unknown;
      return typeof type === 'number' ? type : 0;
    } catch {
      return 0;
    }
  };

  /**
   * What a node is, read from the node itself through the browser's own getters (captured here, so
   * a node whose prototype was changed cannot hide what it is): a fragment, an element of a
   * guarded kind, another element, or anything else (text, comments, values that are not nodes —
   * insertion methods make text of those). `holds`: whether to look at an element's children.
   */
  function kindOf(node: unknown, holds: boolean): Found | typeof PLAIN {
    const type = nodeTypeIn(node);
    if (type === 11 /* DOCUMENT_FRAGMENT_NODE */) return SUBTREE;
    if (type !== 1 /* ELEMENT_NODE */) return NOTHING;
    // nodeName: "SCRIPT" in HTML documents, "script" in others.
    const name = nodeNameOf.call(node) as string;
    // "image": SVG's <image> (in an HTML document, lower case means another namespace).
    if (name === 'SCRIPT' || name === 'IMG' || name === 'script' || name === 'img' || name === 'image')
      return GUARDED_ELEMENT;
    if (name === 'IFRAME' || name === 'iframe') return FRAME;
    if (!holds) return PLAIN;
    return firstElementChildOf.call(node) === null ? NOTHING : SUBTREE;
  }

  // The insertion hot path. Most insertions are of a leaf element that is not a script, frame or
  // image: its built-in prototype says "element of another kind" (`Kinds`), and one call to the
  // browser's own `firstElementChild` says "no children". Nodes of any other prototype — custom
  // elements, the guarded kinds themselves — are read by `kindOf`. The one way to make a node's
  // prototype lie, giving it another one, is refused below for built-in prototypes of another kind.
  // Element prototypes are learned as the page uses them (`learn`): listing every interface on the
  // window up front made the browser build about 140 of them, 45–90 ms at 4× CPU before first paint.
  for (const owner of [win.Text, win.Comment, win.CDATASection, win.ProcessingInstruction])
    if (owner) kinds.set(owner.prototype, NOTHING);
  for (const owner of [win.DocumentFragment, win.ShadowRoot]) if (owner) kinds.set(owner.prototype, SUBTREE);
  const prototypeOf = Object.getPrototypeOf;
  const createElementNS = win.Document.prototype.createElementNS;

  /** The built-in prototype an element of this name gets, or undefined for a custom element's. */
  const builtInPrototypeOf = (element: Element): object | undefined => {
    const name = element.localName;
    // A custom element's constructor is page code: never create one (their names hold a "-").
    if (name.includes('-')) return undefined;
    try {
      return prototypeOf(createElementNS.call(element.ownerDocument, element.namespaceURI, name)) as object;
    } catch {
      return undefined;
    }
  };

  /** A plain element whose prototype is its name's built-in one: that prototype is plain from now on. */
  const learn = (element: Element, prototype: object) => {
    if (builtInPrototypeOf(element) === prototype) kinds.set(prototype, PLAIN);
  };

  function classify(node: unknown): Found {
    if (typeof node !== 'object' || node === null) return NOTHING;
    const prototype = prototypeOf(node) as object;
    const kind = kinds.get(prototype);
    if (kind === PLAIN)
      try {
        return firstElementChildOf.call(node) === null ? NOTHING : SUBTREE;
      } catch {
        return NOTHING; // Object.create(HTMLDivElement.prototype): not a node, made text by append()
      }
    if (kind !== undefined) return kind as Found;
    const found = kindOf(node, true) as Found;
    if ((found === NOTHING || found === SUBTREE) && nodeTypeIn(node) === 1) learn(node as Element, prototype);
    return found;
  }

  /**
   * Giving a node the built-in prototype of another kind of node (a script a div's) would hide it
   * from `classify`: refused, in this realm's three ways to change a prototype. Everything else —
   * other objects, custom element prototypes, a div a span's — passes untouched.
   */
  const disguises = (target: unknown, prototype: unknown) => {
    if (nodeTypeIn(target) === 0) return false;
    const own = kindOf(target, false);
    const claimed = kinds.get(prototype as object);
    if (claimed !== undefined) return own !== claimed;
    if (own === PLAIN || own === NOTHING) return false;
    // A prototype not learned yet may be learned as plain later: a script, frame, image or fragment
    // keeps one from its own built-in line (a polyfill's subclass passes, another kind's does not).
    const line = own === SUBTREE ? win.DocumentFragment.prototype : builtInPrototypeOf(target as Element);
    for (let link = prototype; link; link = prototypeOf(link)) if (link === line) return false;
    return true;
  };
  const refuseDisguise = (target: unknown, prototype: unknown) => {
    if (disguises(target, prototype))
      throw new win.TypeError('Consentry: a node cannot take the prototype of another kind of node');
  };
  const objects = win.Object;
  const nativeSetPrototypeOf = objects.setPrototypeOf;
  objects.setPrototypeOf = function (target: unknown, prototype: object | null) {
    refuseDisguise(target, prototype);
    return nativeSetPrototypeOf(target, prototype) as unknown;
  };
  const nativeReflectSet = win.Reflect.setPrototypeOf;
  // Reflect says no by returning false, as it does for a frozen object.
  win.Reflect.setPrototypeOf = (target: object, prototype: object | null) =>
    !disguises(target, prototype) && nativeReflectSet(target, prototype);
  const protoAccessor = descriptorOf(objects.prototype, '__proto__');
  const nativeProtoSet = protoAccessor?.set;
  if (protoAccessor && nativeProtoSet)
    objects.defineProperty(objects.prototype, '__proto__', {
      ...protoAccessor,
      set(this: unknown, prototype: unknown) {
        refuseDisguise(this, prototype);
        nativeProtoSet.call(this, prototype);
      },
    });

  const wrapFixed = (target: object, names: readonly string[], at = 0) => {
    for (const name of names) {
      const original = (target as Record<string, Method>)[name];
      if (typeof original !== 'function') continue;
      (target as Record<string, Method>)[name] =
        at === 0
          ? function (this: unknown, a?: unknown, b?: unknown) {
              const found = classify(a);
              if (found === NOTHING) return original.call(this, a, b);
              const frames = inspect(a as Node, false, found);
              const result = original.call(this, a, b);
              adoptFrames(frames);
              return result;
            }
          : function (this: unknown, a?: unknown, b?: unknown) {
              const found = classify(b);
              if (found === NOTHING) return original.call(this, a, b);
              const frames = inspect(b as Node, false, found);
              const result = original.call(this, a, b);
              adoptFrames(frames);
              return result;
            };
    }
  };
  // `arguments`, not a rest parameter: no array is made for the common one- or two-node call.
  const wrapVariadic = (target: object, names: readonly string[]) => {
    for (const name of names) {
      const original = (target as Record<string, Method>)[name];
      if (typeof original !== 'function') continue;
      (target as Record<string, Method>)[name] = function (this: unknown) {
        // eslint-disable-next-line prefer-rest-params
        const nodes = arguments;
        let frames: HTMLElement[] | undefined;
        for (let index = 0; index < nodes.length; index += 1) {
          const found = classify(nodes[index]);
          if (found !== NOTHING) {
            const inside = inspect(nodes[index] as Node, false, found);
            if (inside) (frames ??= []).push(...inside);
          }
        }
        const result = original.apply(this, nodes as unknown as unknown[]);
        adoptFrames(frames);
        return result;
      };
    }
  };
  wrapFixed(win.Node.prototype, ['appendChild', 'insertBefore', 'replaceChild']);
  wrapFixed(proto, ['insertAdjacentElement'], 1);
  wrapFixed(win.Range.prototype, ['insertNode']);
  wrapVariadic(proto, ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren']);
  wrapVariadic(win.CharacterData.prototype, ['before', 'after', 'replaceWith']);
  wrapVariadic(win.Document.prototype, ['append', 'prepend', 'replaceChildren']);
  // Shadow roots are document fragments, and a connected one runs what it is given.
  wrapVariadic(win.DocumentFragment.prototype, ['append', 'prepend', 'replaceChildren']);
  // adoptNode and importNode bring nodes parsed elsewhere (DOMParser, XHR documents) into this
  // document, and an image starts loading as soon as it is here, inserted or not: look first.
  // importNode's copy is made in an inert document, looked at, then adopted.
  const docProto = win.Document.prototype;
  const nativeAdopt = docProto.adoptNode;
  const nativeImport = docProto.importNode;
  docProto.adoptNode = function <T extends Node>(this: Document, node: T): T {
    const found = classify(node);
    const frames = found === NOTHING ? undefined : inspect(node, false, found);
    const adopted = nativeAdopt.call(this, node) as T;
    adoptFrames(frames);
    return adopted;
  };
  docProto.importNode = function <T extends Node>(
    this: Document,
    node: T,
    options?: boolean | ImportNodeOptions,
  ): T {
    if (classify(node) === NOTHING) return nativeImport.call(this, node, options as boolean) as T;
    const inert = doc.createElement('template').content.ownerDocument;
    const copy = nativeImport.call(inert, node, options as boolean) as T;
    inspect(copy, false);
    return nativeAdopt.call(this, copy) as T;
  };
  // innerHTML / insertAdjacentHTML with an iframe or image: parse inert first, so nothing loads before we look.
  const innerHTML = descriptorOf(proto, 'innerHTML');
  const parseInert = (html: string) => {
    const template = doc.createElement('template');
    innerHTML!.set!.call(template, html);
    inspect(template.content, false);
    return template.content;
  };
  guardSetter(proto, 'innerHTML', (element: Element, html, set) => {
    if (
      !HTML_WITH_LOADS.test(html) ||
      element.namespaceURI !== 'http://www.w3.org/1999/xhtml' ||
      element.tagName === 'TEMPLATE'
    )
      return set(html);
    element.replaceChildren(parseInert(html));
  });
  guardSetter(proto, 'outerHTML', (element: Element, html, set) => {
    if (!HTML_WITH_LOADS.test(html) || !element.parentNode) return set(html);
    element.replaceWith(parseInert(html));
  });
  const insertAdjacentHTML = proto.insertAdjacentHTML;
  proto.insertAdjacentHTML = function (this: Element, where: InsertPosition, html: string) {
    if (!HTML_WITH_LOADS.test(String(html))) return insertAdjacentHTML.call(this, where, html);
    const fragment = parseInert(String(html));
    if (where.toLowerCase() === 'beforebegin') this.before(fragment);
    else if (where.toLowerCase() === 'afterbegin') this.prepend(fragment);
    else if (where.toLowerCase() === 'beforeend') this.append(fragment);
    else this.after(fragment);
  };

  // A shadow root's own innerHTML, and setHTMLUnsafe on elements and shadow roots: the same inert
  // parse first. setHTMLUnsafe also builds declarative shadow roots; the open ones are looked into.
  const shadowProto = win.ShadowRoot?.prototype;
  if (shadowProto)
    guardSetter(shadowProto, 'innerHTML', (root: ShadowRoot, html, set) =>
      HTML_WITH_LOADS.test(html) ? root.replaceChildren(parseInert(html)) : set(html),
    );
  type SetHTML = (this: unknown, html: unknown, options?: unknown) => void;
  const elementSetHTML = (proto as unknown as { setHTMLUnsafe?: SetHTML }).setHTMLUnsafe;
  for (const target of [proto, shadowProto]) {
    const original = (target as unknown as { setHTMLUnsafe?: SetHTML } | undefined)?.setHTMLUnsafe;
    if (!target || !original || !elementSetHTML) continue;
    (target as unknown as { setHTMLUnsafe: SetHTML }).setHTMLUnsafe = function (html, options) {
      const text = String(html);
      const element = this as Element;
      if (!HTML_WITH_LOADS.test(text) || (target === proto && element.localName === 'template'))
        return original.call(this, html, options);
      const template = doc.createElement('template');
      elementSetHTML.call(template, text, options);
      inspect(template.content, false);
      if (/shadowrootmode/i.test(text))
        for (const host of Array.from(template.content.querySelectorAll('*')))
          if (host.shadowRoot) inspect(host.shadowRoot, false);
      (this as ParentNode).replaceChildren(template.content);
    };
  }

  // srcdoc: a document of the page's own origin, made after the gate can reach it. If its markup
  // loads from a catalogued host, the whole srcdoc waits for that category.
  const trackerIn = (html: string) => {
    if (!/\b(src|srcset|href)\s*=/i.test(html)) return undefined;
    const template = doc.createElement('template');
    innerHTML!.set!.call(template, html);
    for (const element of Array.from(template.content.querySelectorAll('[src],[srcset],[href]'))) {
      for (const name of ['src', 'srcset', 'href']) {
        const url = nativeGetAttribute.call(element, name)?.trim().split(/\s/)[0];
        const match = url ? rules.forUrl(url, doc.baseURI) : undefined;
        if (match && !rules.isAllowed(match)) return match;
      }
    }
    return undefined;
  };
  guardSrcdoc = (frame: HTMLElement, html: string, write: () => void) => {
    const match = trackerIn(html);
    if (!match) return write();
    const existing = live(frame);
    if (existing) existing.srcdoc = html;
    else {
      // Without its srcdoc a frame would load its src: that waits too.
      const url = nativeGetAttribute.call(frame, 'src') ?? '';
      hold(frame, { match, categories: [], url, srcdoc: html, originalType: null, markup: false });
      if (url) removeAttribute(frame, 'src');
    }
    removeAttribute(frame, 'srcdoc');
  };
  guardSetter(frameProto, 'srcdoc', (frame: HTMLElement, value, set) =>
    guardSrcdoc(frame, value, () => set(value)),
  );

  // Net 3: the parser. Once it is done (DOMContentLoaded) every later insertion goes through net 2,
  // so the observer stops: a subtree observer makes the browser queue a record for every insertion.
  const inspectRecords = (records: MutationRecord[]) => {
    for (const record of records) {
      const nodes = record.addedNodes;
      for (let index = 0; index < nodes.length; index += 1) adoptFrames(inspect(nodes[index]!, true));
    }
  };
  const observer = new win.MutationObserver(inspectRecords);
  observer.observe(doc, { childList: true, subtree: true });
  const parserDone = () => {
    inspectRecords(observer.takeRecords());
    observer.disconnect();
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', parserDone, { once: true });
  else parserDone();

  function release(): Promise<void> {
    const releaseAllowed = releaser.current;
    if (!releaseAllowed) {
      if (held.some((item) => isAllowedHeld(item, rules))) releaser.pending();
      return Promise.resolve();
    }
    return releaseAllowed(held, {
      doc,
      rules,
      nonce,
      setAttribute,
      removeAttribute,
      executed,
      ran,
      log,
    });
  }

  return {
    /** Release what the current grants allow, in document order. */
    release,
    /** Categories whose scripts or frames have run in this page. */
    ran: ran as ReadonlySet<string>,
    /** What is still waiting (for debugging and tests). */
    held: held as readonly Held[],
  };
}

export type ElementGuard = ReturnType<typeof installElementGuard>;
