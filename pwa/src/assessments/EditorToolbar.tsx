import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import {
  Bold,
  Heading3,
  Italic,
  List,
  ListOrdered,
  MessageSquarePlus,
  Quote,
  Redo2,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { useRef, type KeyboardEvent } from 'react';

interface Tool {
  name: string;
  icon: LucideIcon;
  /** Keyboard shortcut StarterKit already binds, shown in the button's title. */
  keys?: string;
  run(editor: Editor): boolean;
  active?: (editor: Editor) => boolean;
}

const TOOLS: Tool[] = [
  {
    name: 'Bold',
    icon: Bold,
    keys: 'Ctrl+B',
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    name: 'Italic',
    icon: Italic,
    keys: 'Ctrl+I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  {
    name: 'Heading',
    icon: Heading3,
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive('heading', { level: 3 }),
  },
  {
    name: 'Bulleted list',
    icon: List,
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    name: 'Numbered list',
    icon: ListOrdered,
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    name: 'Quote',
    icon: Quote,
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive('blockquote'),
  },
  // Collaboration's undo: this person's own edits only, never another's.
  { name: 'Undo', icon: Undo2, keys: 'Ctrl+Z', run: (e) => e.chain().focus().undo().run() },
  { name: 'Redo', icon: Redo2, keys: 'Ctrl+Shift+Z', run: (e) => e.chain().focus().redo().run() },
];

interface Props {
  editor: Editor;
  label: string;
  editable: boolean;
  /** Opens the comments on the selected passage; absent where this person cannot comment. */
  onComment?: (() => void) | undefined;
}

/**
 * The section's formatting toolbar (WAI-ARIA toolbar: one Tab stop, arrow keys move between the
 * buttons, Home/End to the ends). Buttons keep the editor's selection: they act on mouse down
 * without taking focus from the text.
 */
export function EditorToolbar({ editor, label, editable, onComment }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.map((tool) => tool.active?.(e) ?? false),
    equalityFn: (a, b) => b !== null && a.every((value, index) => value === b[index]),
  });
  function onKeyDown(event: KeyboardEvent) {
    const buttons = [...(bar.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: buttons.length - 1,
    }[event.key];
    if (to === undefined || index < 0) return;
    event.preventDefault();
    const next = buttons[(to + buttons.length) % buttons.length]!;
    for (const button of buttons) button.tabIndex = button === next ? 0 : -1;
    next.focus();
  }
  const tool = (
    name: string,
    Icon: LucideIcon,
    run: () => void,
    index: number,
    pressed?: boolean,
    keys?: string,
  ) => (
    <button
      key={name}
      type="button"
      className="icon-button"
      tabIndex={index === 0 ? 0 : -1}
      aria-label={name}
      title={keys ? `${name} (${keys})` : name}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      <Icon size={16} aria-hidden />
    </button>
  );
  if (!editable && !onComment) return null;
  return (
    <div
      ref={bar}
      role="toolbar"
      aria-label={label}
      className="editor-toolbar"
      onKeyDown={onKeyDown}
    >
      {editable &&
        TOOLS.map((t, index) =>
          tool(
            t.name,
            t.icon,
            () => void t.run(editor),
            index,
            t.active ? active?.[index] : undefined,
            t.keys,
          ),
        )}
      {onComment &&
        tool('Comment on selection', MessageSquarePlus, onComment, editable ? TOOLS.length : 0)}
    </div>
  );
}
