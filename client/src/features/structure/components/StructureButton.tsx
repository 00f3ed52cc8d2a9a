import { memo } from 'react';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';

interface StructureButtonProps {
  title: string;
  icon?: ReactNode;
  text?: string;
  disabled: boolean;
  onClick: () => void;
  testId: string;
}

/**
 * A toolbar button that never takes the focus from the text (the command acts on the caret).
 * Memoized: when the command state changes, only the buttons whose props changed re-render (a
 * Tooltip and a Button each), provided the caller passes a stable `icon` and `onClick`.
 */
export const StructureButton = memo(function StructureButton({
  title,
  icon,
  text,
  disabled,
  onClick,
  testId,
}: StructureButtonProps) {
  return (
    <Tooltip title={title}>
      <Button
        type="text"
        icon={icon}
        aria-label={title}
        disabled={disabled}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
        data-testid={testId}
      >
        {text}
      </Button>
    </Tooltip>
  );
});
