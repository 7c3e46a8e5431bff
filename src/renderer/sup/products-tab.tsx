import { Button, Checkbox, makeStyles, mergeClasses } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useMemo, useState, type ReactNode } from 'react';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { branchState, productTree, type ProductBranch } from './product-tree';
import { useTabStyles } from './tab-styles';

const useStyles = makeStyles({
  tree: { height: '300px' },
  row: { display: 'flex', alignItems: 'center', minHeight: '22px' },
  twisty: { minWidth: '20px', width: '20px', height: '20px', padding: 0 },
  leaf: { paddingLeft: '20px' },
  children: { paddingLeft: '22px' },
});

/**
 * Products (§2.3.4): vendor > product family > product with tri-state checkboxes. Checking a
 * vendor or a family checks every product beneath it.
 */
export const ProductsTab = observer(function ProductsTab({ draft }: { draft: SupSettingsDraft }) {
  const tabStyles = useTabStyles();
  const styles = useStyles();
  const tree = useMemo(() => productTree(draft.products), [draft.products]);
  // Vendors start open, families closed: the console shows the companies and their families.
  const [openKeys, setOpenKeys] = useState(() => new Set(tree.map((vendor) => vendor.key)));
  const chosen = new Set(draft.draft!.products);
  const toggle = (key: string) =>
    setOpenKeys((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const branch = (node: ProductBranch, children: ReactNode) => {
    const isOpen = openKeys.has(node.key);
    return (
      <div key={node.key} role="treeitem" aria-expanded={isOpen} aria-label={node.name}>
        <div className={styles.row}>
          <Button
            className={styles.twisty}
            appearance="transparent"
            size="small"
            aria-label={isOpen ? `Collapse ${node.name}` : `Expand ${node.name}`}
            icon={isOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
            onClick={() => toggle(node.key)}
          />
          <Checkbox
            className={tabStyles.listCheckbox}
            label={node.name}
            checked={branchState(node, chosen)}
            onChange={(_event, data) => draft.setProducts(node.productIds, data.checked === true)}
          />
        </div>
        {isOpen && (
          <div className={styles.children} role="group">
            {children}
          </div>
        )}
      </div>
    );
  };

  return (
    <>
      <p className={tabStyles.intro}>Products:</p>
      <div
        className={mergeClasses(tabStyles.scrollBox, styles.tree)}
        role="tree"
        aria-label="Products"
      >
        {tree.length === 0 && (
          <p className={tabStyles.note}>
            The product list comes with the catalog. Synchronize Software Updates once, then choose
            the products to synchronize here.
          </p>
        )}
        {tree.map((vendor) =>
          branch(
            vendor,
            vendor.families.map((family) =>
              branch(
                family,
                family.products.map((product) => (
                  <div
                    key={product.id}
                    role="treeitem"
                    className={mergeClasses(styles.row, styles.leaf)}
                  >
                    <Checkbox
                      className={tabStyles.listCheckbox}
                      label={product.name}
                      checked={chosen.has(product.id)}
                      onChange={(_event, data) =>
                        draft.setProducts([product.id], data.checked === true)
                      }
                    />
                  </div>
                )),
              ),
            ),
          ),
        )}
      </div>
      <p className={tabStyles.note}>
        A software update that applies to several products shows all of them, even when only one is
        selected here.
      </p>
    </>
  );
});
