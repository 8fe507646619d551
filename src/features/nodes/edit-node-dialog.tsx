import type { AnyNode } from '@/api/node-mutations';
import { EditNodeForm } from './edit-node-form';
import { NODE_KIND_LABELS } from './node-labels';
import { Dialog } from '@/ui/dialog';

export interface EditNodeDialogProps {
  node: AnyNode;
  opened: boolean;
  onClose: () => void;
}

export function EditNodeDialog({ node, opened, onClose }: EditNodeDialogProps) {
  return (
    <Dialog opened={opened} onClose={onClose} title={`Edit ${NODE_KIND_LABELS[node.kind]} ${node.code}`}>
      {/* Mounted only while open, so each opening starts from the node's current values. */}
      {opened ? <EditNodeForm node={node} onDone={onClose} /> : null}
    </Dialog>
  );
}
