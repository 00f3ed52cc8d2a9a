/**
 * `figureBlock`: a numbered figure (图1 …, 图A.1 …): the image (`src`, `''` = to be supplied) with
 * its caption below. Rendered as `<figure data-type="figureBlock" data-id data-src><img>…caption`.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { NODE } from './names.js';
import { dataTypeRule, idAttribute } from './attributes.js';
import { insertFigureBlock } from './commands/blockCommands.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figureBlock: {
      /** Inserts a numbered figure; cursor in its caption. */
      insertFigureBlock: (options?: { src?: string }) => ReturnType;
    };
  }
}

export const FigureBlock = Node.create({
  name: NODE.figureBlock,
  group: 'block',
  content: NODE.caption,
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      id: idAttribute(),
      src: {
        default: '',
        parseHTML: (element) =>
          element.getAttribute('data-src') ?? element.querySelector('img')?.getAttribute('src') ?? '',
        renderHTML: (attributes) => ({ 'data-src': typeof attributes.src === 'string' ? attributes.src : '' }),
      },
    };
  },

  parseHTML() {
    return [
      {
        ...dataTypeRule('figure', this.name),
        // The caption wrapper, or the figure itself when pasted from elsewhere without one.
        contentElement: (dom) => {
          const figure = dom as HTMLElement;
          return figure.querySelector<HTMLElement>('.gb-figure-caption') ?? figure;
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const src: unknown = node.attrs.src;
    const image =
      typeof src === 'string' && src.length > 0
        ? ['img', { src, alt: '', class: 'gb-figure-image' }]
        : ['div', { class: 'gb-figure-placeholder' }];
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { 'data-type': this.name, class: 'gb-figure-block' }),
      image,
      ['div', { class: 'gb-figure-caption' }, 0],
    ];
  },

  addCommands() {
    return { insertFigureBlock: (options?: { src?: string }) => insertFigureBlock(options) };
  },
});
