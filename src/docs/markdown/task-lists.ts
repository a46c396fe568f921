/**
 * Task lists as pymdownx.tasklist (`custom_checkbox: true`) renders them, so
 * Material's checkbox styling applies:
 *
 *     <ul class="task-list"><li class="task-list-item"><label class="task-list-control">
 *       <input type="checkbox" disabled checked><span class="task-list-indicator"></span></label> done</li></ul>
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classesOf } from './hast-classes.ts';

export function applyTaskLists(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const classes = classesOf(node);
    if ((node.tagName === 'ul' || node.tagName === 'ol') && classes.includes('contains-task-list')) {
      node.properties['className'] = [...classes.filter((c) => c !== 'contains-task-list'), 'task-list'];
    }
    // remark-gfm's checkboxes carry no source position; raw HTML ones do and are left alone.
    if (node.tagName !== 'input' || node.position || node.properties['type'] !== 'checkbox' || !parent || index === undefined) return undefined;
    const item = parent.type === 'element' && parent.tagName === 'li' ? parent : undefined;
    const inParagraph = parent.type === 'element' && parent.tagName === 'p';
    if (!item && !inParagraph) return undefined;
    if (item && !classesOf(item).includes('task-list-item')) return undefined;
    node.properties['disabled'] = true;
    // The item's text is outside the label: name the box by its state, or screen readers announce "checkbox" alone.
    node.properties['ariaLabel'] = node.properties['checked'] ? 'Done' : 'Not done';
    parent.children[index] = {
      type: 'element',
      tagName: 'label',
      properties: { className: ['task-list-control'] },
      children: [node, { type: 'element', tagName: 'span', properties: { className: ['task-list-indicator'] }, children: [] }],
    };
    return 'skip';
  });
}
