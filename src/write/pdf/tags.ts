/**
 * The tagged PDF's logical structure: every box layout tagged becomes marked content of its structure element,
 * every other drawn box an artifact (furniture as Pagination, leaders, rules and repeated headers as Layout).
 * Elements are made the first time their content is drawn, so the tree's order is the order of the pages.
 */
import type { Box, StructNode } from '../../model/layout.js';

/** pdfkit's structure element, as far as the tagger uses it. */
interface StructElement {
  add(child: unknown): StructElement;
  dictionary: { data: Record<string, unknown> };
  _flushChild(child: unknown): void;
}

/** pdfkit's reference from a structure element to an annotation. */
interface AnnotationChild {
  annotationRef: unknown;
}

/** The part of pdfkit's marking API used here. */
export interface TaggingPdf {
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): unknown;
  markStructureContent(type: string): unknown;
  markContent(tag: 'Artifact', options: { type: 'Pagination' | 'Layout' }): unknown;
  endMarkedContent(): unknown;
}

type Marking = StructNode | 'Pagination' | 'Layout';

/** The XMP of the PDF/UA-1 claim, with the extension schema PDF/A asks for any namespace it does not predefine. */
export const PDF_UA_XMP = `
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        `;

export class Tagger {
  private readonly elements = new Map<StructNode, StructElement>();
  /** Each link annotation's page. */
  private readonly annotationPages = new Map<unknown, unknown>();
  private readonly root: StructElement;
  private open: Marking | undefined;

  constructor(private readonly doc: TaggingPdf) {
    // poppler and validators expect one Document element at the top of the tree.
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private element(node: StructNode): StructElement {
    let element = this.elements.get(node);
    if (element) return element;
    element = this.made(node.type, { ...(node.alt ? { alt: node.alt } : {}), ...(node.scope ? { scope: node.scope } : {}) });
    if (node.rowSpan || node.colSpan) {
      const data = element.dictionary.data;
      data.A = { ...((data.A as object | undefined) ?? { O: 'Table' }), ...(node.rowSpan ? { RowSpan: node.rowSpan } : {}), ...(node.colSpan ? { ColSpan: node.colSpan } : {}) };
    }
    (node.parent ? this.element(node.parent) : this.root).add(element);
    this.elements.set(node, element);
    return element;
  }

  /**
   * Makes the marked-content sequence the drawn `box` belongs to the open one; `flush` first ends the text the
   * caller has pending, which must not straddle a sequence.
   */
  mark(box: Box, flush: () => void): void {
    const marking: Marking = box.tag ?? (box.furniture ? 'Pagination' : 'Layout');
    if (marking === this.open) return;
    flush();
    this.close();
    if (typeof marking === 'string') this.doc.markContent('Artifact', { type: marking });
    else this.element(marking).add(this.doc.markStructureContent(marking.type));
    this.open = marking;
  }

  /** Ends the open sequence (at a page's end). */
  close(): void {
    if (this.open === undefined) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  /**
   * Where pdfkit puts a link annotation drawn on `page` (its `structParent`): the Link element holding the link's
   * text, or a new one in the element of a link that has no text of its own.
   */
  linkParent(node: StructNode, page: unknown): { add(child: AnnotationChild): void } {
    let element: StructElement;
    if (node.type === 'Link') element = this.element(node);
    else {
      element = this.made('Link', {});
      this.element(node).add(element);
    }
    return {
      add: (child) => {
        this.annotationPages.set(child.annotationRef, page);
        element.add(child);
      },
    };
  }

  /**
   * A new element. pdfkit writes a Link's annotation reference when the document ends, naming the page current
   * then (the last one): a Link names the annotation's own page instead.
   */
  private made(type: StructNode['type'], options: Record<string, unknown>): StructElement {
    const element = this.doc.struct(type, options);
    if (type !== 'Link') return element;
    const flushChild = element._flushChild.bind(element);
    element._flushChild = (child: unknown): void => {
      const annotation = (child as Partial<AnnotationChild>).annotationRef;
      if (annotation === undefined) flushChild(child);
      else (element.dictionary.data.K as unknown[]).push({ Type: 'OBJR', Obj: annotation, Pg: this.annotationPages.get(annotation) });
    };
    return element;
  }
}
