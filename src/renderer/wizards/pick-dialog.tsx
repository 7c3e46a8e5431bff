import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { SelectTable, type SelectColumn } from './select-table';

/**
 * A small chooser over a list, as ConfigMgr opens from Browse… and Add: select one row (or
 * several with `isMultiple`) and OK. Used inside wizards and from ribbon actions alike.
 */
export function PickDialog<Row>(props: {
  title: string;
  intro: string;
  columns: readonly SelectColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowName(row: Row): string;
  initial?: readonly string[];
  isMultiple?: boolean;
  emptyText: string;
  onPick(rows: Row[]): void;
  close(): void;
}) {
  const [selected, setSelected] = useState(() => new Set(props.initial ?? []));
  const picked = props.rows.filter((row) => selected.has(props.rowKey(row)));
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '620px' }}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <p style={{ margin: '0 0 8px' }}>{props.intro}</p>
            <SelectTable
              label={props.title}
              columns={props.columns}
              rows={props.rows}
              rowKey={props.rowKey}
              rowName={props.rowName}
              selected={selected}
              onSelect={setSelected}
              isMultiple={props.isMultiple}
              height="240px"
              emptyText={props.emptyText}
            />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={picked.length === 0}
              onClick={() => {
                props.onPick(picked);
                props.close();
              }}
            >
              OK
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
